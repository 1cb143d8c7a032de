"""Comment HTML: a small allowlist, links to http(s) and mail only, rel="noopener nofollow"."""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(value: str) -> str:
    """Clean user HTML. Plain text (no tags) becomes paragraphs, so line breaks survive."""
    value = (value or "").strip()
    if not re.search(r"<[a-zA-Z/!]", value):
        value = text_to_html(value)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow",
        strip_comments=True,
    ).strip()


def text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def html_to_plain(value: str) -> str:
    """The text of sanitised HTML, for search and exports."""
    value = re.sub(r"<br\s*/?>", "\n", value)
    value = re.sub(r"</(p|li|blockquote)>", "\n\n", value)
    value = re.sub(r"<[^>]+>", "", value)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(value)).strip()
