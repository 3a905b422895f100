"""Alembic's entry: revisions run on the connection central.migrations hands over, inside
its transaction (there is no alembic.ini and no address of its own here)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
