"""The sync status slot in the status bar: online/offline, last sync, pending and rejected changes.

Until the sync engine feeds it, it says plainly that the station works offline.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


class SyncStatus(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.dot = QLabel("●")
        self.dot.setObjectName("syncDot")
        self.label = QLabel()
        self.label.setObjectName("syncText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        self.set_status(online=False, text=self.tr("Offline — not connected to a server yet"))

    def set_status(self, *, online: bool, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.dot.setProperty("online", online)
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
