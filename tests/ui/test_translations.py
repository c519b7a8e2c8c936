"""The shipped translations match the code: every string the UI code marks for translation is in
the German .ts (and nothing stale is), and every German translation is finished."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from app.ui import i18n_tool

Strings = dict[str, set[str]]


def _strings(ts: Path, *, skip_gone: bool) -> Strings:
    found: Strings = defaultdict(set)
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if skip_gone and kind in ("obsolete", "vanished"):
                continue
            found[name].add(message.findtext("source") or "")
    return dict(found)


@pytest.fixture(scope="module")
def from_code(tmp_path_factory: pytest.TempPathFactory) -> Strings:
    """What lupdate extracts from app/ui today, into a throwaway .ts (the shipped one is untouched)."""
    ts = tmp_path_factory.mktemp("i18n") / "extracted_de.ts"
    subprocess.run(
        [i18n_tool._tool("pyside6-lupdate"), *map(str, i18n_tool.sources()), "-no-obsolete",
         "-source-language", "en", "-target-language", "de", "-ts", str(ts)],
        check=True, capture_output=True,
    )
    return _strings(ts, skip_gone=False)


@pytest.fixture(scope="module")
def shipped() -> Strings:
    return _strings(i18n_tool.ts_path("de"), skip_gone=True)


def test_every_code_string_is_in_the_german_ts(from_code: Strings, shipped: Strings) -> None:
    missing = {context: sorted(texts - shipped.get(context, set()))
               for context, texts in from_code.items() if texts - shipped.get(context, set())}
    assert not missing, f"run `python -m app.ui.i18n_tool` and translate: {missing}"


def test_no_stale_strings_in_the_german_ts(from_code: Strings, shipped: Strings) -> None:
    stale = {context: sorted(texts - from_code.get(context, set()))
             for context, texts in shipped.items() if texts - from_code.get(context, set())}
    assert not stale, f"strings no longer in the code (run `python -m app.ui.i18n_tool`): {stale}"


def test_english_ts_has_the_same_strings(shipped: Strings) -> None:
    assert _strings(i18n_tool.ts_path("en"), skip_gone=True) == shipped


def test_no_unfinished_german_translation() -> None:
    unfinished: dict[str, list[str]] = defaultdict(list)
    for context in ET.parse(i18n_tool.ts_path("de")).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else [f.text for f in translation.iter("numerusform")]
            texts = forms or [None if translation is None else translation.text]
            if (translation is None or translation.get("type") == "unfinished"
                    or not all((t or "").strip() for t in texts)):
                unfinished[context.findtext("name") or ""].append(message.findtext("source") or "")
    assert not unfinished, f"unfinished German translations by context: {dict(unfinished)}"


def test_compiled_german_matches_its_source(qapp) -> None:  # type: ignore[no-untyped-def]
    """The .qm the app loads was compiled from the .ts as it is now (lrelease was run)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n_tool.ts_path("de").with_suffix(".qm")))
    stale = []
    for context in ET.parse(i18n_tool.ts_path("de")).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (message.get("numerus") == "yes" or translation is None or translation.get("type")
                    or not (translation.text or "").strip()):
                continue
            source = message.findtext("source") or ""
            if translator.translate(name, source, message.findtext("comment")) != translation.text:
                stale.append(f"{name}: {source}")
    assert not stale, f"run `python -m app.ui.i18n_tool` to compile: {stale[:10]}"
