"""The base of the domain errors that services raise: a machine-readable code and a translated message."""


class DomainError(Exception):
    """A change the rules refuse. `code` is for programs and tests; `message` (from MESSAGES) is for people."""

    MESSAGES: dict = {}

    def __init__(self, code: str):
        self.code = code
        super().__init__(str(self.MESSAGES.get(code, code)))

    @property
    def message(self) -> str:
        # Read at use, so the message is in the language active then, not the one at raise time.
        return str(self.MESSAGES.get(self.code, self.code))
