"""A rule's parameter values read once per context instead of once per segment."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from mtqa.rules.base import Context

T = TypeVar("T")


class PerContext(Generic[T]):
    """The value `read(ctx)` gave for the last context a rule ran with. The engine gives a rule one
    context per document, never changed, and asks it about every segment: reading its parameters
    per segment cost more than the lookups that decide most segments. A new context, or the same
    one with other params or options, is read again."""

    def __init__(self, read: Callable[[Context], T]) -> None:
        self.read = read
        self.last: tuple[weakref.ref, object, object, T] | None = None

    def __call__(self, ctx: Context) -> T:
        last = self.last
        if last is not None and last[0]() is ctx and last[1] is ctx.params and last[2] is ctx.options:
            return last[3]
        value = self.read(ctx)
        self.last = (weakref.ref(ctx), ctx.params, ctx.options, value)
        return value
