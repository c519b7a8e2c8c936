"""Alembic environment: always run on the connection VaxDesk hands over (the key is already applied)."""

from typing import Any

from alembic import context

from app.storage.schema import Base

config = context.config
connection = config.attributes["connection"]
# Autogenerating a revision can leave out tables that a later revision creates.
exclude_tables = set(config.attributes.get("exclude_tables", ()))


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return getattr(table, "name", None) not in exclude_tables


context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_object=include_object
)
with context.begin_transaction():
    context.run_migrations()
