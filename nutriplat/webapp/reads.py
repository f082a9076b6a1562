"""One transaction for the read use cases of one page. A page like the client's calls
nine services, each opening, auditing and committing its own transaction: nine
BEGIN/COMMIT round trips (and, on SQLite, nine syncs of the log). Given this unit of
work instead, each service's ``with uow`` joins the page's one session and its
``commit()`` waits for the page's: the reads and their audit entries are committed
together when the outermost block ends, or rolled back together if any of them fails
(the refused-access audit rows still survive, as ``UnitOfWork`` writes them).

Only for use cases whose errors end the page: an error caught inside the block and
carried on from would leave the rest in a transaction already failed."""
from __future__ import annotations

from typing import Any

from nutriplat.db import UnitOfWork


class OnePageReads(UnitOfWork):
    _depth = 0

    def __enter__(self) -> OnePageReads:
        if self._depth == 0:
            super().__enter__()
        self._depth += 1
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._depth -= 1
        if self._depth:
            return  # an inner use case: the page's block decides
        if exc_type is None:
            super().commit()
        super().__exit__(exc_type, *exc)

    def commit(self, *args: Any, **kwargs: Any) -> None:
        if self._depth <= 1:  # a use case called outside any page block commits as usual
            super().commit(*args, **kwargs)
