"""The fleet console: web pages for technicians and centre staff on the platform.

Served by the same process as the terminals' API (its own routes under /console),
rendered on the server from Jinja2 templates with a little JavaScript for live
parts. Accounts and sessions are in accounts.py, the audit log in audit.py, what the
terminals' heartbeats say and the alerts drawn from them in fleetview.py, the pages
in routes*.py. Nothing here runs at import time.
"""
