"""The `highlight` filter: search terms wrapped in <mark> inside text that is escaped first."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

MAX_TERMS = 10
# Characters a visitor types around words ("machine learning", python?) that are not part of the words.
TERM_PUNCTUATION = "\"'“”„«»()[]{}.,;:!?"


def search_terms(query: str) -> list[str]:
    """The distinct words of a query, longest first so that a longer term wins over a term inside it."""
    words = {word.strip(TERM_PUNCTUATION) for word in query.split()}
    return sorted((word for word in words if word), key=len, reverse=True)[:MAX_TERMS]


@register.filter(is_safe=True)
def highlight(text, query) -> SafeString:
    """`text` HTML-escaped, with every case-insensitive occurrence of a word of `query` wrapped in <mark>."""
    text = "" if text is None else str(text)
    terms = search_terms(str(query or ""))
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 # nosec B308 B703 - every piece of the text was escaped above
