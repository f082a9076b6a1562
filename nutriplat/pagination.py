"""How every list pages: one count query and one LIMIT/OFFSET query over a select()
with a stable order, and the page sizes every list endpoint shares."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

# A client asks for at most this many rows at once (a larger page_size is a 422).
MAX_PAGE_SIZE = 100
# The first page of a list that returned every row before it paged: as many as a page
# may hold, so callers that never asked for a page still see what they saw.
LIST_PAGE_SIZE = MAX_PAGE_SIZE
# The nine lists that paged from the start (clients, dishes, alerts, invoices, …) keep the
# default they were published with; a caller sets page_size to get more.
PAGED_LIST_PAGE_SIZE = 10


def page_of(session: Session, stmt: Select[*tuple[Any, ...]], page: int, page_size: int | None, *,
            tuples: bool = False) -> tuple[list[Any], int]:
    """The page and the count of all rows: the first entity of each row, or with
    ``tuples`` whole rows (a lot with its dish's name). ``page_size=None`` is every row:
    for the web app's pages that show a whole day, never for the API."""
    total = None
    if page_size is not None:
        total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
        stmt = stmt.limit(page_size).offset((page - 1) * page_size)
    items = list(session.execute(stmt).all() if tuples else session.scalars(stmt))
    return items, len(items) if total is None else total
