"""Every reason code reads in the nurse's language: an English text (CLI) and a German one (desk)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from app.reasons import ENGLISH
from app.ui import i18n_tool
from app.ui.reasons import TEXTS, reason_text


def german_reasons() -> dict[str, str]:
    """source → finished German translation of the "Reasons" context in the shipped .ts."""
    root = ET.parse(i18n_tool.ts_path("de")).getroot()
    found: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != "Reasons":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and (translation.text or "").strip():
                found[message.findtext("source") or ""] = translation.text or ""
    return found


def test_every_reason_code_has_english_and_german() -> None:
    german = german_reasons()
    without_english = sorted(code for code in TEXTS if not ENGLISH.get(code, "").strip())
    without_german = sorted(code for code, text in TEXTS.items() if code != "message" and text not in german)
    assert without_english == [] and without_german == []


def test_a_german_desk_shows_the_new_refusals_in_german(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui.app import create_application

    try:
        create_application([], language="de")
        text = reason_text("observation_early_needs_reason", {"minutes": 9})
        assert text == "Die Nachbeobachtung läuft noch (9 Min.): Bitte den Grund für das vorzeitige Ende angeben."
        assert QCoreApplication.translate("Navigation", "Check-in") == "Empfang"
        # Hard stops of the rules arrive as reasons too, not as English sentences.
        from datetime import date

        from app.domain.rules import DoseRecord, assess_dose
        from app.reasons import Reason
        from app.services.catalogue import load_catalogue
        from app.ui.reasons import reason

        catalogue = load_catalogue()
        result = assess_dose(catalogue=catalogue, product=catalogue.product("comirnaty"),
                             date_of_birth=date(1970, 1, 1), on=date(2030, 5, 6),
                             history=[DoseRecord(product_code="comirnaty", given_on=date(2030, 5, 1))])
        assert [r.code for r in result.stop_reasons] == ["rule_too_early"]
        assert reason(result.stop_reasons[0]).startswith("Zu früh für Impfung 2: möglich ab 22.05.2030")
        assert reason(Reason("vial_wrong_product", {"holds": "Jcovden", "wanted": "Comirnaty"})).startswith(
            "Falsche Durchstechflasche: Sie enthält Jcovden")
    finally:
        create_application([], language="en")
    assert reason_text("observation_early_needs_reason", {"minutes": 9}).startswith("Observation is not over yet")
