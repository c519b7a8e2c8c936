"""The release-day fast path in front of the framework: the two answers most of a release day's
requests get, a slot listing and "full", served straight from the slot snapshot by plain ASGI.

It answers only when it is certain (the same functions the routes use say so: sync/server/public.py,
`cached_listing` and `certainly_full`); any other request, or any doubt, goes on to FastAPI unchanged,
with the body it read handed on. Measured on two cores, FastAPI's routing and dependency resolution
cost about 0.3 ms of the 0.45 ms CPU a "full" answer took through the router."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

import pydantic

from sync import protocol as p
from sync.server.public import (
    FULL_BODY,
    MAX_PAGE,
    Edge,
    cached_listing,
    certainly_full,
    listing_answer,
)
from sync.server.slot_snapshot import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_FAST_BODY = 16 * 1024  # a booking is a few hundred bytes; anything bigger takes the ordinary route
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_NUMBER = re.compile(r"[1-9][0-9]{0,5}", re.ASCII)


class _Route:
    """What the request log shows as the route of an answer given here."""

    def __init__(self, path: str) -> None:
        self.path = path


_SLOTS_ROUTE = _Route("/v1/public/{tenant}/slots (fast path)")
_BOOKINGS_ROUTE = _Route("/v1/public/{tenant}/bookings (fast path)")


class ReleaseDayFastPath:
    def __init__(self, app: ASGIApp, edge: Edge) -> None:
        self.app = app
        self.edge = edge

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            parts = scope["path"].split("/")
            if len(parts) == 5 and parts[1] == "v1" and parts[2] == "public":
                if parts[4] == "slots" and scope["method"] == "GET":
                    if await self._listing(scope, parts[3], send):
                        return
                elif parts[4] == "bookings" and scope["method"] == "POST":
                    await self._booking(scope, parts[3], receive, send)
                    return
        await self.app(scope, receive, send)

    async def _listing(self, scope: Scope, tenant: str, send: Send) -> bool:
        query = _listing_query(scope.get("query_string", b""))
        if query is None:
            return False
        page = cached_listing(self.edge, tenant, *query)
        if page is None:
            return False
        status, body, headers = listing_answer(self.edge, page, _header(scope, b"if-none-match"))
        scope["route"] = _SLOTS_ROUTE
        raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        if body:  # a 304 has neither body nor length
            raw += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})
        return True

    async def _booking(self, scope: Scope, tenant: str, receive: Receive, send: Send) -> None:
        length = _header(scope, b"content-length")
        if length is None or not length.isdigit() or int(length) > MAX_FAST_BODY:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        first: Message | None = None
        while True:
            message = await receive()
            if message["type"] != "http.request":
                first = message  # a disconnect: hand it on as it is
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if first is None and _header(scope, b"content-type") == "application/json":
            try:
                request = p.PublicBookingRequest.model_validate_json(body)
            except pydantic.ValidationError:
                request = None
            if request is not None and certainly_full(self.edge, tenant, request):
                scope["route"] = _BOOKINGS_ROUTE
                await send({"type": "http.response.start", "status": 409, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(FULL_BODY)).encode())]})
                await send({"type": "http.response.body", "body": FULL_BODY})
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return first if first is not None else {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _listing_query(raw: bytes) -> tuple[date, int, int] | None:
    """day, page and page size when the query is exactly what the route would accept; else None."""
    try:
        pairs = parse_qsl(raw.decode("ascii"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        return None
    values: dict[str, str] = {}
    for key, value in pairs:
        if key in values or key not in ("day", "page", "page_size"):
            return None
        values[key] = value
    day_text = values.get("day")
    if day_text is None or not _DAY.fullmatch(day_text):
        return None
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return None
    page, size = values.get("page", "1"), values.get("page_size", str(DEFAULT_PAGE_SIZE))
    if not _NUMBER.fullmatch(page) or not _NUMBER.fullmatch(size):
        return None
    if not 1 <= int(page) <= MAX_PAGE or not 1 <= int(size) <= MAX_PAGE_SIZE:
        return None
    return day, int(page), int(size)
