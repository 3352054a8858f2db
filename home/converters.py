"""The path converter for row ids in URLs (registered as `row_id` by HomeConfig.ready, before any URLconf loads)."""


class RowIdConverter:
    """A row id: Django's int converter accepts any number of digits, and SQLite cannot even look up one past
    64 bits (it raises instead of finding nothing). Eighteen digits cover every id; a longer number is a 404."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
