"""Loads the vaccine catalogue shipped in resources/ and checks it against the EU value sets."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from app.domain.catalogue import Catalogue, ValueSetCodes, active_codes, parse_catalogue
from app.errors import CatalogueError
from app.resources import resource

__all__ = ["load_catalogue", "load_value_set_codes"]

log = logging.getLogger(__name__)

_VALUE_SET_FILES = {
    "mp": "vaccine-medicinal-product.json",
    "ma": "vaccine-mah-manf.json",
    "vp": "vaccine-prophylaxis.json",
}


def load_catalogue(path: Path | None = None, *, value_sets_dir: Path | None = None) -> Catalogue:
    """Read and validate the catalogue (default `resources/catalogue.json`).

    Product codes are checked against the official value sets in `value_sets_dir` (default
    `resources/dcc/valuesets` when shipped); otherwise against the lists kept in the catalogue.
    """
    path = path or resource("catalogue.json")
    data = _read_json(path)
    directory = value_sets_dir or resource("dcc", "valuesets")
    codes: ValueSetCodes | None = None
    if value_sets_dir is not None or directory.is_dir():
        codes = load_value_set_codes(directory)
    else:
        log.info("No EU value set files at %s; checking product codes against the catalogue's own lists", directory)
    return parse_catalogue(data, value_sets=codes)


def load_value_set_codes(directory: Path) -> ValueSetCodes:
    """Active mp/ma/vp codes from the EU DCC value set files in `directory`."""
    sets = {field: active_codes(_read_json(directory / name)) for field, name in _VALUE_SET_FILES.items()}
    return ValueSetCodes(mp=sets["mp"], ma=sets["ma"], vp=sets["vp"])


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogueError(code="config_file_missing", params={"path": str(path)}) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(code="config_file_unreadable", params={"path": str(path), "detail": str(exc)}) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(code="config_file_not_json", params={
            "path": str(path), "line": exc.lineno, "column": exc.colno, "detail": exc.msg}) from exc
    if not isinstance(data, dict):
        raise CatalogueError(code="config_file_not_object", params={"path": str(path)})
    return data
