"""Checking a certificate someone shows: scan its QR code (the scanner types `HC1:…` and Enter) or
paste the text, and read a plain verdict, who it belongs to, what it states and each check made.

The trust list is the station's own signers (synced later with the national ones) plus any trust
files loaded here for this session. Scanned text is hostile input: the verifier bounds it, and the
check runs on the worker so even a 100 kB paste never freezes the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.certificates.errors import CertificateError
from app.certificates.signer import certificate_der
from app.certificates.trust import TrustedSigner, TrustList
from app.certificates.verify import STEPS, VerificationResult, entry_uvci, verify
from app.errors import VaxDeskError
from app.services.certificates import CertificateDesk
from app.ui.certificate_words import content_words, holder_words, reason_words, step_words
from app.ui.layouts import grid_box
from app.ui.pages.base import Page, PageContext
from app.ui.reasons import reason_text
from app.ui.tasks import Op
from app.ui.widgets import label, push_button, restyle

if TYPE_CHECKING:
    from app.station import StationServices

MAX_INPUT = 200_000  # far beyond any certificate: longer pastes are judged "too long", never cut silently
MAX_TRUST_FILE = 5 * 1024 * 1024
_PEM_BEGIN = b"-----BEGIN CERTIFICATE-----"
_PEM_END = b"-----END CERTIFICATE-----"


class TrustFileError(VaxDeskError):
    """A file chosen as a trust file holds no signer certificate we can read."""


def read_trust_file(path: Path) -> list[TrustedSigner]:
    """The signer certificates in a PEM (one or many) or DER file. Raises TrustFileError."""
    try:
        if path.stat().st_size > MAX_TRUST_FILE:
            raise TrustFileError(path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise TrustFileError(path.name) from exc
    blocks: list[bytes] = []
    start = data.find(_PEM_BEGIN)
    while start != -1:
        end = data.find(_PEM_END, start)
        if end == -1:
            break
        blocks.append(data[start:end + len(_PEM_END)])
        start = data.find(_PEM_BEGIN, end)
    try:
        return [TrustedSigner.from_der(certificate_der(block)) for block in (blocks or [data])]
    except (CertificateError, ValueError) as exc:
        raise TrustFileError(path.name) from exc


def station_signers(desk: CertificateDesk) -> list[TrustedSigner]:
    """The station's trusted signers; one unreadable entry does not hide the others."""
    signers = []
    for der in desk.trusted_certificates():
        try:
            signers.append(TrustedSigner.from_der(der))
        except (CertificateError, ValueError):
            continue
    return signers


@dataclass(frozen=True)
class _Checked:
    serial: int
    result: VerificationResult
    at: datetime


class VerifyPage(Page):
    name = "verify"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)
        self.station_trust: list[TrustedSigner] = []
        self.file_trust: list[TrustedSigner] = []
        self.result: VerificationResult | None = None
        self._serial = 0

        # -- the input -------------------------------------------------------------------------
        self.input = QLineEdit()
        self.input.setObjectName("verifyInput")
        self.input.setMaxLength(MAX_INPUT)
        self.input.setPlaceholderText(self.tr("Scan the certificate's QR code, or paste its HC1: text"))
        self.input.setAccessibleName(self.tr("Certificate code"))
        self.input.setClearButtonEnabled(True)
        self.input.returnPressed.connect(lambda: self.check())
        self.check_button = push_button(self.tr("Check"), name="checkButton", primary=True)
        self.check_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the next scan lands in the field
        self.check_button.clicked.connect(lambda: self.check())
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.input, 1)
        row.addWidget(self.check_button)
        self.body.addLayout(row)

        # -- the trust list --------------------------------------------------------------------
        self.trust_label = label("hint")
        self.load_trust_button = push_button(self.tr("Load trust file…"), name="loadTrustButton", compact=True)
        self.load_trust_button.clicked.connect(self.load_trust_files)
        self.clear_trust_button = push_button(self.tr("Remove loaded files"), name="clearTrustButton", compact=True)
        self.clear_trust_button.clicked.connect(self.clear_trust_files)
        trust_row = QHBoxLayout()
        trust_row.setSpacing(10)
        trust_row.addWidget(self.trust_label, 1)
        trust_row.addWidget(self.load_trust_button)
        trust_row.addWidget(self.clear_trust_button)
        self.body.addLayout(trust_row)

        # -- the result ------------------------------------------------------------------------
        self.card = QFrame()
        self.card.setObjectName("verifyResult")
        card = QHBoxLayout(self.card)
        card.setContentsMargins(20, 16, 20, 16)
        card.setSpacing(24)
        verdict_column = QVBoxLayout()
        verdict_column.setSpacing(8)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setProperty("kind", "none")
        self.reason = label("verdictReason")
        self.holder = label("holderName")
        self.holder.setTextFormat(Qt.TextFormat.PlainText)
        self.dob = QLabel()
        self.dob.setObjectName("holderDob")
        self.dob.setTextFormat(Qt.TextFormat.PlainText)
        self.content = label("certificateContent")
        self.content.setTextFormat(Qt.TextFormat.PlainText)
        self.validity = label("certificateValidity")
        self.unchecked_note = label("uncheckedNote", self.tr("Not valid: the details below are not confirmed."))
        for widget in (self.verdict, self.reason, self.unchecked_note, self.holder, self.dob, self.content,
                       self.validity):
            verdict_column.addWidget(widget)
        verdict_column.addStretch(1)
        card.addLayout(verdict_column, 3)

        steps_column = QVBoxLayout()
        steps_column.setSpacing(4)
        steps_title = QLabel(self.tr("Checks"))
        steps_title.setObjectName("sectionTitle")
        steps_column.addWidget(steps_title)
        grid = grid_box(column_spacing=10, row_spacing=2)
        self.step_marks: dict[str, QLabel] = {}
        self.step_texts: dict[str, QLabel] = {}
        for index, step in enumerate(STEPS):
            mark = QLabel()
            mark.setObjectName("stepMark")
            text = label("stepText", step_words(step))
            grid.addWidget(mark, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, index, 1)
            self.step_marks[step], self.step_texts[step] = mark, text
        grid.setColumnStretch(1, 1)
        steps_column.addLayout(grid)
        steps_column.addStretch(1)
        card.addLayout(steps_column, 2)
        self.body.addWidget(self.card, 1)
        self.idle_hint = label("emptyHint", self.tr("The result appears here: green means valid, red means not valid."))
        self.body.addWidget(self.idle_hint)
        self.body.addStretch(0)
        self._show_result(None)
        self._show_trust()
        self.load_station_trust()

    # -- trust -----------------------------------------------------------------------------------------

    def trust_list(self) -> TrustList:
        return TrustList([*self.station_trust, *self.file_trust])

    def load_station_trust(self) -> Op:
        op = self.read(lambda s: station_signers(s.certificates))
        op.on_success(self._station_trust_loaded)
        return op.start()

    def _station_trust_loaded(self, signers: list[TrustedSigner]) -> None:
        self.station_trust = signers
        self._show_trust()

    def _show_trust(self) -> None:
        # Counts as {n} rather than %n plurals: the wording reads right for any number.
        text = self.tr("Trusted issuers from this station: {n}").format(n=len(self.station_trust))
        if self.file_trust:
            text += " · " + self.tr("from loaded files: {n}").format(n=len(self.file_trust))
        self.trust_label.setText(text)
        self.clear_trust_button.setVisible(bool(self.file_trust))

    def load_trust_files(self) -> Op | None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Load trust files (signer certificates)"), "",
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if not paths:
            return None
        return self.add_trust_files([Path(p) for p in paths])

    def add_trust_files(self, paths: Sequence[Path]) -> Op:
        def read() -> tuple[list[TrustedSigner], list[str]]:
            signers, failed = [], []
            for path in paths:
                try:
                    signers.extend(read_trust_file(path))
                except TrustFileError:
                    failed.append(path.name)
            return signers, failed

        op = Op(self, read)
        op.on_success(lambda loaded: self._trust_files_loaded(*loaded))
        return op.start()

    def _trust_files_loaded(self, signers: list[TrustedSigner], failed: list[str]) -> None:
        self.file_trust.extend(signers)
        self._show_trust()
        if failed:
            self.show_error(self.tr("No signer certificate could be read from: {files}").format(files=", ".join(failed)))
        else:
            self.show_info(self.tr("Signer certificates added to the trust list: {n}").format(n=len(signers)))
        if self.result is not None and self.input.text():
            self.check(keep_message=True)  # the verdict may change with the new issuers

    def clear_trust_files(self) -> None:
        self.file_trust = []
        self._show_trust()
        self.messages.clear_message()

    # -- checking --------------------------------------------------------------------------------------

    def check(self, *, keep_message: bool = False) -> Op | None:
        text = self.input.text()
        if not text.strip():
            self.input.setFocus()
            return None
        self._serial += 1
        serial, trust = self._serial, self.trust_list()
        if not keep_message:
            self.messages.clear_message()
        self._show_checking()

        def run(s: StationServices) -> _Checked:
            at = datetime.now(UTC)
            result = verify(text, trust, at=at)
            # A code this center revoked (here or at another station: revocations sync) is REVOKED,
            # however good its signature.
            revoked = s.certificates.revoked_here(entry_uvci(result.payload)) if result.payload else None
            if revoked is not None:
                result = replace(result, revoked=True, error=revoked)
            return _Checked(serial, result, at)

        op = self.read(run)
        op.on_success(self._checked)
        op.on_failure(self._check_failed)
        return op.start()

    def _checked(self, checked: _Checked) -> None:
        if checked.serial != self._serial:
            return  # a newer scan is being checked
        self.result = checked.result
        self._show_result(checked.result, at=checked.at)
        # The next scan replaces this one: the scanner types into a field whose text is selected.
        self.input.setFocus()
        self.input.selectAll()

    def _check_failed(self, error: VaxDeskError) -> None:
        self.result = VerificationResult(error=str(error))
        self._show_result(self.result)

    def _set_kind(self, kind: str) -> None:
        for widget in (self.verdict, self.card):
            restyle(widget, kind=kind)

    def _show_checking(self) -> None:
        self.card.setVisible(True)
        self.idle_hint.setVisible(False)
        self.verdict.setText(self.tr("Checking…"))
        self._set_kind("none")
        for widget in (self.reason, self.unchecked_note, self.holder, self.dob, self.content, self.validity):
            widget.setVisible(False)

    def _show_result(self, result: VerificationResult | None, *, at: datetime | None = None) -> None:
        self.card.setVisible(result is not None)
        self.idle_hint.setVisible(result is None)
        if result is None:
            self._set_kind("none")
            return
        valid = result.valid
        if result.revoked:
            self.verdict.setText("✘ " + self.tr("REVOKED"))
        else:
            self.verdict.setText(("✔ " + self.tr("Valid")) if valid else ("✘ " + self.tr("Not valid")))
        self._set_kind("valid" if valid else "invalid")
        self.verdict.setAccessibleName(self.verdict.text())
        self.reason.setText(reason_text("cert_revoked_here", {"reason": result.error or "–"}) if result.revoked
                            else reason_words(result, now=at))
        self.reason.setVisible(not valid)
        name, dob = holder_words(result.payload)
        content = content_words(result.payload)
        self.holder.setText(name)
        self.holder.setVisible(bool(name))
        self.dob.setText(self.tr("Born {dob}").format(dob=dob) if dob else "")
        self.dob.setVisible(bool(dob))
        self.content.setText(content)
        self.content.setVisible(bool(content))
        if result.issued_at is not None and result.expires_at is not None:
            self.validity.setText(self.tr("Signed {issued} · valid until {expires}").format(
                issued=f"{result.issued_at:%Y-%m-%d}", expires=f"{result.expires_at:%Y-%m-%d}"))
        else:
            self.validity.setText("")
        self.validity.setVisible(bool(self.validity.text()) and bool(name or content))
        self.unchecked_note.setVisible(not valid and bool(name or content))
        for step in STEPS:
            passed = getattr(result, step)
            mark = self.step_marks[step]
            mark.setText({True: "✔", False: "✘", None: "–"}[passed])
            state = {True: "passed", False: "failed", None: "skipped"}[passed]
            mark.setAccessibleName({True: self.tr("passed"), False: self.tr("failed"), None: self.tr("not checked")}[passed])
            restyle(mark, state=state)
            restyle(self.step_texts[step], state=state)

    def shown_again(self) -> None:
        self.load_station_trust()  # a signer may have been installed meanwhile

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.input.setFocus()
