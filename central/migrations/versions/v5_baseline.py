"""The schema as it stood when revisions began (what SQLite files called version 5).

Nothing to do: a new database is created whole and stamped at the newest revision, an
older SQLite file is brought to this point by central/db.py before it is stamped here.
"""

revision = "v5"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The starting point has no steps."""
