"""The home page's sections that feature apps add (next events, ...), as templates it includes in order."""

_sections: list[str] = []


def register_home_section(template_name: str) -> None:
    """Show `template_name` on the home page, below its body and above the latest news, so the home app names no
    feature app. Call it from the app's AppConfig.ready(). The template gets the page's context (`page`,
    `request`) and should fetch what it shows with a bounded number of queries, showing nothing when it has
    nothing to show."""
    if template_name not in _sections:
        _sections.append(template_name)


def home_sections() -> list[str]:
    return list(_sections)
