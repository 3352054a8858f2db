"""The development mail backend: each mail printed readably, its text part in full and its attachments named.

Django's console backend prints the raw MIME message, where a ticket's QR image and calendar file come as
screens of base64 that bury the activation or ticket link. Development only (cms.settings.dev); production
sends through home.smtp.
"""

from email.message import Message

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Content-Language")


def describe(message: Message) -> str:
    """The mail as a person reads it: headers, the text part, then one line per HTML part and attachment."""
    lines = [f"{name}: {message[name]}" for name in HEADERS if message[name]]
    lines.append("")
    notes = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        content_type = part.get_content_type()
        payload = part.get_payload(decode=True) or b""
        if filename is None and content_type == "text/plain":
            lines.append(payload.decode(part.get_content_charset() or "utf-8", errors="replace").rstrip("\n"))
        elif filename is None and content_type == "text/html":
            notes.append(f"[HTML version: {len(payload)} bytes, not shown]")
        else:
            inline = (part.get("Content-Disposition") or "").startswith("inline")
            kind = "inline image" if inline else "attachment"
            notes.append(f"[{kind}: {filename or 'unnamed'} ({content_type}, {len(payload)} bytes)]")
    if notes:
        lines.extend(["", *notes])
    return "\n".join(lines)


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message) -> None:
        self.stream.write(describe(message.message()) + "\n")
        self.stream.write("-" * 79 + "\n")
