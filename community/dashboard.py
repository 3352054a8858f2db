"""The sections of "My page" that other apps add (tickets, polls, ...), as templates it includes in order."""

_sections: list[str] = []


def register_dashboard_section(template_name: str) -> None:
    """Show `template_name` on every user's "My page", below the profile and membership.

    Call it from the app's AppConfig.ready(). The template gets the page's context (`user`, `request`, `member`)
    and should fetch what it shows with a bounded number of queries (the page's query count is tested)."""
    if template_name not in _sections:
        _sections.append(template_name)


def dashboard_sections() -> list[str]:
    return list(_sections)
