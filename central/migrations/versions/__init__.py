"""One file per revision of the platform's schema (Alembic skips this one)."""
