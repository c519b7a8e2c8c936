"""Regenerates the translation files from the app/ui sources.

    .venv/bin/python -m app.ui.i18n_tool            # lupdate (.py → .ts) then lrelease (.ts → .qm)
    .venv/bin/python -m app.ui.i18n_tool --check    # exit 1 if a German string is unfinished

lupdate keeps existing translations; new strings arrive "unfinished" in vaxdesk_de.ts. Translate
them with pyside6-linguist, by hand in the XML, or from a JSON file of {context: {source: German}}:

    .venv/bin/python -m app.ui.i18n_tool --fill de.json   # lupdate, fill in, lrelease

then commit .ts and .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from app.resources import resource

LANGUAGES = ("de", "en")
UI_DIR = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != "i18n_tool.py")


def ts_path(language: str) -> Path:
    return resource("translations", f"vaxdesk_{language}.ts")


def update() -> None:
    for language in LANGUAGES:
        ts = ts_path(language)
        ts.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-locations", "none", "-source-language", "en",
             "-target-language", language, "-ts", str(ts)],
            check=True,
        )


def release() -> None:
    for language in LANGUAGES:
        ts = ts_path(language)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def unfinished(language: str) -> list[str]:
    root = ET.parse(ts_path(language)).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            if translation is None or translation.get("type") == "unfinished":
                missing.append(message.findtext("source") or "")
            continue
        # Plural messages carry one <numerusform> per form instead of text.
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if not all(form.strip() for form in forms):
            missing.append(message.findtext("source") or "")
    return missing


def fill(language: str, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Set finished translations for (context, source) pairs; returns how many were set."""
    ts = ts_path(language)
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        wanted = translations.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source") or "")
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            forms = translation.findall("numerusform")
            if forms or message.get("numerus") == "yes":
                # Plural messages: a list of forms (German: singular, plural); a plain string fills both.
                values = text if isinstance(text, list) else [text, text]
                if not forms:
                    forms = [ET.SubElement(translation, "numerusform") for _ in values]
                for form, value in zip(forms, values, strict=False):
                    form.text = value
            else:
                translation.text = text if isinstance(text, str) else text[0]
            translation.attrib.pop("type", None)
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.i18n_tool", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report unfinished German strings")
    parser.add_argument("--fill", type=Path, help="JSON {context: {source: German text}} to fill in after lupdate")
    args = parser.parse_args(argv)
    if not args.check:
        update()
        if args.fill:
            import json

            print(f"filled {fill('de', json.loads(args.fill.read_text(encoding='utf-8')))} German texts")
            update()  # lupdate writes the file back in its own layout
        release()
    missing = unfinished("de")
    for text in missing:
        print(f"unfinished (de): {text}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
