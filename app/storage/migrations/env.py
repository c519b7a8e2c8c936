"""Alembic environment: always run on the connection VaxDesk hands over (the key is already applied)."""

from alembic import context

from app.storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
