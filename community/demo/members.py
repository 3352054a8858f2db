"""Demo memberships: the demo member is an active member on the members page, a few more people fill the
directory, and two applications wait for a membership manager's decision."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.models import Member
from home.demo.context import DemoContext

# (email, first name, last name, job title, status, listed on the members page)
PEOPLE = [
    ("member@ddsc.example", "Ida", "Christensen", "Data scientist, Novo Nordisk", Member.Status.ACTIVE, True),
    ("rasmus.bech@ddsc.example", "Rasmus", "Bech", "ML engineer, Trustpilot", Member.Status.ACTIVE, True),
    ("freja.holm@ddsc.example", "Freja", "Holm", "PhD student, DTU Compute", Member.Status.ACTIVE, True),
    ("ali.hassan@ddsc.example", "Ali", "Hassan", "Analytics lead, Danske Bank", Member.Status.ACTIVE, True),
    ("sara.lund@ddsc.example", "Sara", "Lund", "Data engineer, Vestas", Member.Status.ACTIVE, False),
    ("emil.kjaer@ddsc.example", "Emil", "Kjær", "Student, Aarhus Universitet", Member.Status.PENDING, False),
    ("nora.berg@ddsc.example", "Nora", "Berg", "BI consultant", Member.Status.PENDING, False),
]


def memberships(demo: DemoContext) -> None:
    User = get_user_model()  # noqa: N806 - a model class
    now = timezone.now()
    year_end = datetime.date(timezone.localdate().year, 12, 31)
    for email, first_name, last_name, job_title, status, listed in PEOPLE:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            # Directory people have no password: nobody logs in as them.
            user = User.objects.create_user(email, None, first_name=first_name, last_name=last_name, is_verified=True)
        if Member.objects.filter(user=user).exists():
            continue
        Member.objects.create(
            user=user,
            status=status,
            job_title=job_title,
            street="Nørregade 7",
            postal_code="1165",
            city="København K",
            accepted_statutes_at=now,
            applied_at=now,
            decided_at=now if status == Member.Status.ACTIVE else None,
            expires_on=year_end if status == Member.Status.ACTIVE else None,
            public_profile=listed,
            linkedin="https://www.linkedin.com/" if listed else "",
        )
