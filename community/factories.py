"""Factories for people: accounts (`UserFactory`, `StaffFactory`) and memberships (`MemberFactory`), the one way
the tests make them.

Names and addresses come from a sequence (Person1 Jensen, person1@example.com, ...), so every object differs and
a test that needs a particular value passes it. Any fake value is drawn when an object is made; the tests seed
factory_boy's generator once (tests/conftest.py), so runs repeat.
"""

from datetime import date

import factory
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from community.models import Member, User

# Every factory account's password unless one is given (test machines only).
PASSWORD = "a-long-passphrase"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    """An activated account. `verified=False` makes one that has not used its activation link yet; `groups`
    takes group names and `permissions` `app_label.codename` strings."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        verified = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    first_name = factory.Sequence(lambda n: f"Person{n}")
    last_name = "Jensen"
    language = "da"
    is_verified = factory.SelfAttribute("verified")

    @classmethod
    def _create(cls, model_class, *args, password: str = PASSWORD, **fields):
        return model_class.objects.create_user(password=password, **fields)

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))

    @factory.post_generation
    def permissions(self, create, dotted, **kwargs):
        for app_label, codename in (name.split(".") for name in dotted or ()):
            self.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class StaffFactory(UserFactory):
    """A person who may open the Wagtail admin, with the given `permissions` and `groups` on top."""

    is_staff = True

    @factory.post_generation
    def permissions(self, create, dotted, **kwargs):
        UserFactory.permissions.function(self, create, ["wagtailadmin.access_admin", *(dotted or ())])


class MemberFactory(factory.django.DjangoModelFactory):
    """A membership, Active to the end of this year unless `status` says otherwise."""

    class Meta:
        model = Member

    user = factory.SubFactory(UserFactory)
    status = Member.Status.ACTIVE
    street = "Nørrebrogade 1"
    postal_code = "2200"
    city = "København N"
    accepted_statutes_at = factory.LazyFunction(timezone.now)
    expires_on = factory.LazyAttribute(
        lambda member: date(timezone.localdate().year, 12, 31) if member.status == Member.Status.ACTIVE else None
    )
