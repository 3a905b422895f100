"""The reliability suite: visitor sessions under faults, soak, personal-data scan."""
