"""Ticket codes as the door receives them: the check-in URL a ticket's QR code carries, a bare token, or the short
code printed on the ticket and typed by hand; and scanner text made fit for the database."""

import re

from events.models.registrations import SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH

MAX_CODE_LENGTH = 2048

# The ticket's check-in URL as its QR code carries it (.../checkin/<token>/), a bare token, or a typed code.
URL_TOKEN = re.compile(r"/checkin/([A-Za-z0-9_-]{16,64})/?(?:[?#].*)?$")
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Letters people confuse with digits, read the way Crockford's base 32 reads them.
TYPED_CODE_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def clean_text(text: str) -> str:
    """`text` without what a database cannot store: NUL characters and lone surrogates (valid JSON can carry
    both, as \\u0000 and \\ud800)."""
    return text.replace("\x00", "").encode("utf-8", "ignore").decode("utf-8")


def parse_code(text: str) -> tuple[str, str] | None:
    """("token", token) for a check-in URL or a token, ("short", CODE) for a typed code, else None."""
    text = (text or "").strip()
    if not text or len(text) > MAX_CODE_LENGTH:
        return None
    if match := URL_TOKEN.search(text):
        return ("token", match.group(1))
    typed = text.upper().translate(TYPED_CODE_FIXES)
    if len(typed) == SHORT_CODE_LENGTH and all(char in SHORT_CODE_ALPHABET for char in typed):
        return ("short", typed)
    if TOKEN.fullmatch(text):
        return ("token", text)
    return None
