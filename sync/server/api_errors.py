"""The tenant API's refusals: an `ApiError` carries a stable machine-readable code; its message is the
English text of that code (app/reasons.py), or of `text`, the code of its words where one wire code has
several. Messages never hold personal data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.responses import JSONResponse

from app.reasons import english, known
from sync import protocol as p


class ApiError(Exception):
    """An answer with a machine-readable code. Messages never contain personal data."""

    def __init__(self, status: int, code: str, message: str | None = None, details: dict[str, Any] | None = None,
                 *, params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None,
                 text: str | None = None) -> None:
        words = text or code
        text = message if message is not None else (english(words, params) if known(words) else code)
        super().__init__(text)
        self.status = status
        self.code = code
        self.message = text
        self.details = details
        self.headers = dict(headers or {})


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None,
                   headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = p.ErrorBody(code=code, message=message, details=details).model_dump(exclude_none=True)
    merged = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    merged.update(headers or {})
    return JSONResponse(body, status_code=status, headers=merged or None)
