"""Which states the screenshot run shows of each page: page name → the functions that put it there.

The pages carry no screenshot code; a module beside this one registers, per page class, the state
of the page's own picture and any further named pictures, through the pages' public methods:

    register(QueuePage, prepare=queue_with_people, states=[("queue_early_end", early_end)])

Any Op a state function starts is awaited before the picture is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtGui import QImage

from app.ui.pages.base import Page

P = TypeVar("P", bound=Page)
T = TypeVar("T")


@dataclass(frozen=True)
class PageStates:
    """The screenshot states of one page (all taking the page as shown by the shell)."""

    # The state of the picture named after the page; None leaves the page as it opens.
    prepare: Callable[[Page], None] | None = None
    # Further pictures, in order: (picture name, the function putting the page in that state).
    states: tuple[tuple[str, Callable[[Page], None]], ...] = ()
    # Pictures the page's states made themselves (e.g. page 1 of a certificate PDF), asked for after
    # the last state: (picture name, image).
    images: Callable[[Page], Sequence[tuple[str, QImage]]] | None = None


_REGISTRY: dict[str, PageStates] = {}


def _typed(page_type: type[P], fn: Callable[[P], T]) -> Callable[[Page], T]:
    def call(page: Page) -> T:
        if not isinstance(page, page_type):
            raise TypeError(f"{page_type.__name__} states given a {type(page).__name__}")
        return fn(page)

    return call



def register(page_type: type[P], *, prepare: Callable[[P], None] | None = None,
             states: Sequence[tuple[str, Callable[[P], None]]] = (),
             images: Callable[[P], Sequence[tuple[str, QImage]]] | None = None) -> None:
    """The screenshot states of the page class `page_type`, under its page name."""
    if not page_type.name:
        raise ValueError(f"{page_type.__name__} has no page name")
    if page_type.name in _REGISTRY:
        raise ValueError(f"screenshot states for {page_type.name!r} registered twice")
    _REGISTRY[page_type.name] = PageStates(
        prepare=None if prepare is None else _typed(page_type, prepare),
        states=tuple((name, _typed(page_type, fn)) for name, fn in states),
        images=None if images is None else _typed(page_type, images))


def states_for(page_name: str) -> PageStates | None:
    """The registered states of the page named `page_name`, None if it registered none."""
    return _REGISTRY.get(page_name)
