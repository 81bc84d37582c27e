"""Main text and metadata from HTML pages, with trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import trafilatura

from communique.errors import InputError

logger = logging.getLogger(__name__)

# htmldate's "extensive search" falls back to a copyright year or any bare year on the page and
# reports it as January 1 ("© 2024" → 2024-01-01): an invented date. Without it, only dates the
# page states in full (meta tags, <time>, "Published: May 2, 2023", ISO stamps) are read.
EXTENSIVE_DATE_SEARCH = False


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str | None


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract an article's main text and metadata from ``html``.

    Raises:
        InputError: the page holds no recognisable main text (a menu page, an empty body,
            markup too broken to parse). The message names the cause.
    """
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={
                "extensive_search": EXTENSIVE_DATE_SEARCH,
                "original_date": True,
                "max_date": dt.date.today().isoformat(),
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise InputError("no main text found in the HTML (is it an index or menu page?)")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("no main text found in the HTML (is it an index or menu page?)")
    return ExtractedPage(
        text=text,
        title=data.get("title") or None,
        published=data.get("date") or None,
        outlet=data.get("sitename") or None,
        url=data.get("url") or url,
        language=data.get("language") or None,
    )
