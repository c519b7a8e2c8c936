"""Regenerates the translation files from the app/ui sources.

    .venv/bin/python -m app.ui.i18n_tool            # lupdate (.py → .ts) then lrelease (.ts → .qm)
    .venv/bin/python -m app.ui.i18n_tool --check    # exit 1 if a German string is unfinished

lupdate keeps existing translations; new strings arrive "unfinished" in vaxdesk_de.ts. Translate
them with pyside6-linguist (or by hand in the XML), run this again, and commit .ts and .qm.
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
            [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-source-language", "en",
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.i18n_tool", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report unfinished German strings")
    args = parser.parse_args(argv)
    if not args.check:
        update()
        release()
    missing = unfinished("de")
    for text in missing:
        print(f"unfinished (de): {text}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
