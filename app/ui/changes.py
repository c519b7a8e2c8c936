"""The "changes applied" signal: a write (`Page.write`) announces what its units of work committed, a
sync round what it pulled, and every page that shows that kind of data refreshes itself. Pages never
reach into each other, and never list changes by hand.

    self.write(lambda s: s.checkin.check_in(actor, appointment_id)).start()   # publishes on success
    self.context.changes.changes_applied.connect(self._on_changes)

A page showing one person refreshes only for them: `touches_person(changes, person_id)` (the person row,
or a row that names them: a booking, a visit, a dose; pulled rows name theirs as local writes do).

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


def touches_person(changes: Sequence[Change], person_id: str, *entities: str) -> bool:
    """Whether any of `changes` is about this person or a row of theirs (see `Change.concerns`), of one of
    `entities` when they are given."""
    return any(change.concerns(person_id) and (not entities or change.entity in entities) for change in changes)
