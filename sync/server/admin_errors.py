"""What the server refuses to its admin: a setting, a file, an environment variable or a command's argument it
cannot use. Each refusal is a reason code with parameters (English in app/reasons.py) and the place it is
about; its message, the line `vaxdesk-server` prints, names the place first ("timezone: ...")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from app.errors import VaxDeskError
from app.reasons import english


class AdminInputError(VaxDeskError, ValueError):
    """A ValueError too: callers that check a value catch what they always caught."""

    exit_code = 2

    def __init__(self, code: str, params: Mapping[str, Any] | None = None, *, field: str | None = None) -> None:
        text = english(code, params)
        super().__init__(f"{field}: {text}" if field else text, code=code, params=params, field=field)

    @classmethod
    def said_of(cls, inner: AdminInputError, place: str) -> Self:
        """The same refusal, said of the place that holds the one it names (a tenant's entry of a provisioning
        file holds its settings): the message reads "place: field: text"."""
        return cls(inner.code, inner.params, field=f"{place}: {inner.field}" if inner.field else place)
