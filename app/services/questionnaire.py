"""Loads the consent and medical questionnaire shipped in resources/ (edited as data, not code)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from app.domain.questionnaire import Questionnaire, parse_questionnaire
from app.errors import CatalogueError
from app.resources import resource


@lru_cache(maxsize=4)
def _load(path: Path) -> Questionnaire:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogueError(code="questionnaire_unreadable", params={"path": str(path), "detail": str(exc)}) from None
    return parse_questionnaire(data)


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    return _load(path or resource("questionnaire.json"))
