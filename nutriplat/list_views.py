"""How every API list view pages: ``?page=&page_size=`` in the query, the metadata in
flask-smorest's ``X-Pagination`` header, one default and one bound for every list."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask_smorest import Blueprint, Page

from nutriplat.pagination import LIST_PAGE_SIZE, MAX_PAGE_SIZE, PAGED_LIST_PAGE_SIZE

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["PAGED_LIST_PAGE_SIZE", "Page", "paginated"]


def paginated(blp: Blueprint, pager: type[Page] | None = None, page_size: int = LIST_PAGE_SIZE
              ) -> Callable[[F], F]:
    """A page_size above MAX_PAGE_SIZE is a 422. Without a pager the view gets
    ``pagination_parameters`` and its service pages in the database (page_of); with
    ``Page`` the view returns a short list bounded by nature (one client's consents, an
    organisation's vans) and the page is cut from it here."""
    decorator: Callable[[F], F] = blp.paginate(pager, page_size=page_size, max_page_size=MAX_PAGE_SIZE)
    return decorator
