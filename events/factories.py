"""Factories for event pages, shared by the tests and the demo data.

Every fake value is drawn when an object is made. An event starts in a week by default and lasts two hours;
pass `start=` (and `end=`) to move it. Text is in the language of the parent page's locale.
"""

import datetime

import factory
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from home.factories import BasePageFactory, _faker


def _default_start(stub) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=7)).replace(minute=0, second=0, microsecond=0)


class EventIndexPageFactory(BasePageFactory):
    class Meta:
        model = EventIndexPage

    title = factory.LazyAttribute(lambda o: "Arrangementer" if o.language == "da" else "Events")
    slug = factory.LazyAttribute(lambda o: "arrangementer" if o.language == "da" else "events")
    intro = _faker("sentence", nb_words=14)


class EventPageFactory(BasePageFactory):
    """A live event on this site's sign-up, in a week, with unlimited seats unless `capacity=` is given. Settings
    of the Event (capacity, registration_opens/closes, members_only, waiting_list, terms) are accepted too."""

    class Meta:
        model = EventPage

    start = factory.LazyAttribute(_default_start)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location_name = _faker("company")
    street = _faker("street_address")
    postal_code = "2200"
    city = "København N"
    summary = _faker("sentence", nb_words=14)
    signup_type = EventPage.SignUp.ON_SITE

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Event settings (capacity=, members_only=, terms=, ...) go to the page's own new Event.
        instance = model_class.with_new_event(**kwargs)
        parent.add_child(instance=instance)
        return instance
