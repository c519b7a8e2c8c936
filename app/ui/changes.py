"""The "changes applied" signal: a writing use case's Op announces what it changed, and every page
that shows that kind of data refreshes itself. Pages never reach into each other.

    self.context.changes.publish([Change("visit", visit_id, "visit.checked_in")])
    self.context.changes.changes_applied.connect(self._on_changes)

One hub per logged-in session (it lives in the shell's PageContext), used on the GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.services.unit_of_work import Change


class ChangeHub(QObject):
    # list[Change]: what one use case changed (entity, id, action).
    changes_applied = Signal(object)

    def publish(self, changes: Iterable[Change]) -> None:
        batch = list(changes)
        if batch:
            self.changes_applied.emit(batch)


def touches(changes: Sequence[Change], *entities: str) -> bool:
    """Whether any of `changes` is about one of `entities` (e.g. "visit", "person")."""
    return any(change.entity in entities for change in changes)
