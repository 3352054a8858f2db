"""The SMTP backend the site sends with: it tells a mail the server may have received from one it never got.

When the connection fails or times out after the whole message went to the server but before the server said
"250 OK", the server may well deliver it (it was only slow to confirm). Django's backend reports that like any
other network error; this one raises `MaybeDelivered`, so the outbox resends such a mail at most once.
"""

import smtplib

from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend

END_OF_DATA = b"\r\n.\r\n"


class MaybeDelivered(OSError):
    """The server had the whole message when the conversation broke off; it may deliver it."""


class _HandOverTracking:
    """Notes when the end of a message's DATA (`<CRLF>.<CRLF>`) has gone out on the socket."""

    handed_over = False

    def send(self, s):
        super().send(s)
        if isinstance(s, bytes) and s.endswith(END_OF_DATA):
            self.handed_over = True


class _SMTP(_HandOverTracking, smtplib.SMTP):
    pass


class _SMTPSSL(_HandOverTracking, smtplib.SMTP_SSL):
    pass


class EmailBackend(DjangoSMTPBackend):
    @property
    def connection_class(self):
        return _SMTPSSL if self.use_ssl else _SMTP

    def _send(self, email_message):
        if self.connection is not None:
            self.connection.handed_over = False
        try:
            return super()._send(email_message)
        except OSError as exc:  # smtplib's errors and socket errors and timeouts alike
            # A coded answer after the data ("554 rejected") is a clear no; silence or a dropped line is not.
            if getattr(self.connection, "handed_over", False) and not isinstance(exc, smtplib.SMTPResponseException):
                raise MaybeDelivered(f"the server took the message but did not confirm it: {exc!r}") from exc
            raise

    def close(self):
        try:
            super().close()
        except OSError:
            # QUIT to a server that stopped answering: the socket is dropped; what matters is the send's outcome.
            self.connection = None
