"""The citizen's pages' words: every key in German and English, every reason code a page can show in the
citizen's own words, and the language chosen from the switch or the browser."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from starlette.requests import Request

from app.reasons import ENGLISH, Reason
from sync.server.citizen import choose_language, reason_text, texts

PAGES = Path(__file__).resolve().parents[2] / "sync" / "server" / "templates" / "pages"
# The public edge's refusals and the person-detail checks the pages pass on (app/reasons.py, issues 17, 18).
SHOWN = ["field_required", "field_too_long", "name_empty", "name_too_long", "name_control_character", "name_digit",
         "name_character", "name_no_letter", "dob_format", "dob_not_a_date", "dob_too_early", "dob_in_future",
         "age_below_minimum", "age_above_maximum", "email_invalid", "invalid_input", "unknown_slot", "slot_past",
         "full", "invalid_booking_code", "unknown_booking", "booking_not_changeable", "booking_details_mismatch",
         "same_slot", "rate_limited", "challenge_required", "challenge_invalid", "challenge_used", "other_site",
         "result_cannot_open", "result_link_missing"]


def test_every_text_is_in_both_languages_with_the_same_parameters() -> None:
    for key, entry in texts().items():
        assert set(entry) == {"de", "en"} and all(entry.values()), key
        assert set(re.findall(r"{(\w+)}", entry["de"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_key_a_template_uses_exists() -> None:
    used = {m for page in PAGES.glob("*.html")
            for m in re.findall(r"""(?<![\w.])t\(\s*["']([\w.]+)["']""", page.read_text())}
    dynamic = {k for k in used if k.endswith("_")}  # t("dob_" ~ part)
    assert used and used - dynamic <= set(texts())
    assert {f"dob_{part}" for part in ("day", "month", "year")} <= set(texts())


def test_every_reason_a_page_shows_has_the_citizens_words() -> None:
    for code in SHOWN:
        assert code in ENGLISH, code
        assert f"reason.{code}" in texts(), code
    assert reason_text(Reason("rate_limited", {"retry_after": 42}), "de").startswith("Zu viele Versuche")
    assert "42" in reason_text(Reason("rate_limited", {"retry_after": 42}), "en")
    label = reason_text(Reason("field_required", {"label": "email"}, "email"), "de")
    assert label == "Bitte geben Sie Ihre E-Mail-Adresse ein."


def _request(query: str = "", accept: str | None = None) -> Request:
    headers = [(b"accept-language", accept.encode())] if accept is not None else []
    return Request({"type": "http", "method": "GET", "path": "/p/t/", "query_string": query.encode(),
                    "headers": headers})


@pytest.mark.parametrize(("query", "accept", "lang"), [
    ("", None, "de"), ("", "en-GB,en;q=0.9", "en"), ("", "fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7", "en"),
    ("", "de-AT;q=0.5,en;q=0.4", "de"), ("lang=en", "de", "en"), ("lang=xx", "en", "en"), ("", "en;q=abc,de", "de"),
    ("", "x" * 5000, "de"),
])
def test_the_language_comes_from_the_switch_then_the_browser(query: str, accept: str | None, lang: str) -> None:
    assert choose_language(_request(query, accept)) == lang


def test_every_refusal_of_the_public_api_has_the_citizens_words() -> None:
    # A page shows whatever the public API refuses with (citizen.py passes its ApiError on): each code in
    # German and English, so no citizen meets the general text for a refusal that has its own.
    source = (Path(__file__).resolve().parents[2] / "sync" / "server" / "public.py").read_text(encoding="utf-8")
    codes = {node.args[1].value for node in ast.walk(ast.parse(source))
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ApiError" and len(node.args) > 1
             and isinstance(node.args[1], ast.Constant)}
    assert {"unknown_tenant", "invalid_day", "full", "other_site"} <= codes
    assert sorted(code for code in codes if f"reason.{code}" not in texts()) == []
    assert reason_text(Reason("invalid_day"), "de") == "Bitte wählen Sie einen Tag zwischen 2000 und 2200."
