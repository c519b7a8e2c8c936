"""Turns the core's errors into the words shown on screen, in the station's language.

The core's messages are English; the common ones a nurse meets are translated here by error
type, everything else is shown as the core wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.errors import (
    CorruptDatabase,
    DatabaseMissing,
    NotAVaxDeskDatabase,
    SchemaTooNew,
    VaxDeskError,
    WrongPassphrase,
)
from app.ui.reasons import reason_text

# lupdate only sees literal calls, hence QCoreApplication.translate("ErrorMessages", …) spelled out.


def user_message(error: VaxDeskError) -> str:
    if isinstance(error, WrongPassphrase):
        return QCoreApplication.translate(
            "ErrorMessages", "This passphrase does not unlock the station. Check it and try again."
        )
    if isinstance(error, DatabaseMissing):
        return QCoreApplication.translate(
            "ErrorMessages", "There is no station database here yet. Ask your site lead to set up this station."
        )
    if isinstance(error, NotAVaxDeskDatabase):
        return QCoreApplication.translate(
            "ErrorMessages",
            "This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.",
        )
    if isinstance(error, CorruptDatabase):
        return QCoreApplication.translate(
            "ErrorMessages",
            "The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.",
        )
    if isinstance(error, SchemaTooNew):
        return QCoreApplication.translate(
            "ErrorMessages", "This database was written by a newer VaxDesk. Update VaxDesk on this computer."
        )
    if error.code != "message":
        return reason_text(error.code, error.params, fallback=str(error))
    return str(error)
