"""The demo accounts, one per role, with passwords that README.md lists (demo machines only)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.demo.context import DemoAccount, DemoContext


@dataclass(frozen=True)
class DemoPerson:
    email: str
    password: str
    first_name: str
    last_name: str
    role: str
    groups: tuple[str, ...] = ()
    superuser: bool = False
    language: str = "da"


PEOPLE = [
    DemoPerson(
        "admin@ddsc.example", "demo-admin-2026", "Mette", "Nielsen", "administrator (superuser)", superuser=True
    ),
    DemoPerson("editor@ddsc.example", "demo-editor-2026", "Jonas", "Larsen", "editor (Editors)", ("Editors",)),
    DemoPerson(
        "translator@ddsc.example",
        "demo-translator-2026",
        "Sofie",
        "Jensen",
        "translator (Translators)",
        ("Translators",),
        language="en",
    ),
    DemoPerson(
        "moderator@ddsc.example",
        "demo-moderator-2026",
        "Karen",
        "Olsen",
        "moderator (Moderators): approves what editors submit",
        ("Moderators",),
    ),
    DemoPerson(
        "membership@ddsc.example",
        "demo-membership-2026",
        "Peter",
        "Hansen",
        "membership manager (Membership managers)",
        ("Membership managers",),
    ),
    DemoPerson(
        "events@ddsc.example",
        "demo-events-2026",
        "Lars",
        "Møller",
        "event editor (Event editors): events, registrations, check-in, volunteers",
        ("Event editors",),
    ),
    DemoPerson(
        "volunteer@ddsc.example",
        "demo-volunteer-2026",
        "Mads",
        "Pedersen",
        "volunteer (Volunteers): checks people in at the LLM workshop",
        ("Volunteers",),
    ),
    DemoPerson("member@ddsc.example", "demo-member-2026", "Ida", "Christensen", "member (active membership)"),
]


def accounts(demo: DemoContext) -> None:
    """Make each demo person once. An account that exists is left as it is, password included."""
    User = get_user_model()  # noqa: N806 - a model class
    for person in PEOPLE:
        user = User.objects.filter(email__iexact=person.email).first()
        if user is None:
            user = User.objects.create_user(
                person.email,
                person.password,
                first_name=person.first_name,
                last_name=person.last_name,
                is_verified=True,
                is_staff=person.superuser,
                is_superuser=person.superuser,
                language=person.language,
            )
            user.groups.set(Group.objects.filter(name__in=person.groups))
        demo.accounts.append(DemoAccount(person.email, person.password, person.role))
