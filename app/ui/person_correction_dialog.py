"""The desk's dialog to correct a person's name or date of birth after a typo: the new values and the
reason (the document they were checked against). The page sends them to PersonCorrections."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets import label, text_field


class PersonCorrectionDialog(QDialog):
    def __init__(self, *, family_name: str, given_name: str, dob: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personCorrectionDialog")
        self.setWindowTitle(self.tr("Correct the person's data"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Correct the data as written in the ID document. The change is recorded with your name and the "
            "reason, and reaches every station. Certificates already signed keep the old data until they are "
            "re-issued."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.family = text_field("correctFamilyName", max_length=100, text=family_name)
        self.given = text_field("correctGivenName", max_length=100, text=given_name)
        self.dob = text_field("correctDob", max_length=10, placeholder=self.tr("YYYY-MM-DD"), text=dob)
        self.reason = text_field("correctReason", max_length=300, placeholder=self.tr("e.g. checked against the passport"))
        form.addRow(self.tr("Family name"), self.family)
        form.addRow(self.tr("Given name"), self.given)
        form.addRow(self.tr("Date of birth"), self.dob)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.problem = label("correctionProblem")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save correction"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._original = (family_name, given_name, dob)

    def changes(self) -> dict[str, str | None]:
        """Only the fields that differ from what was shown."""
        values = (self.family.text().strip(), self.given.text().strip(), self.dob.text().strip())
        keys = ("family_name", "given_name", "dob")
        return {k: v for k, v, old in zip(keys, values, self._original, strict=True) if v != old}

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def _accept(self) -> None:
        # The service checks everything; here only what needs no database, so the dialog stays open.
        if not self.changes():
            self.problem.setText(self.tr("Nothing to correct: change at least one field."))
        elif not self.reason_text():
            self.problem.setText(self.tr("Give the reason for the correction (for example the ID document it was "
                                         "checked against)."))
        else:
            self.accept()
            return
        self.problem.setVisible(True)
