"""The check-in service: what a scan answers, what it logs, queued scans, undo, attendee search, who may scan."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse
from django.utils import timezone

from community.factories import StaffFactory, UserFactory
from community.models import User
from events import services
from events.models import CheckIn, Registration
from events.models.registrations import new_token_salt, short_code_for, ticket_token_for, ticket_token_hash
from events.services import CheckInError
from events.services.checkin import check_in, check_in_batch, parse_code, search_attendees, undo_check_in
from home.dates import format_time

from .conftest import make_ticket, make_volunteer

pytestmark = pytest.mark.django_db

Result = CheckIn.Result


def fresh(registration: Registration) -> Registration:
    return Registration.objects.get(pk=registration.pk)


def ticket_with_salt(event, salt: str, **user_fields) -> Registration:
    """A ticket whose token (and so typed code) is the one made from `salt`."""
    ticket = make_ticket(event, **user_fields)
    token = ticket_token_for(salt)
    Registration.objects.filter(pk=ticket.pk).update(
        token_salt=salt, token_hash=ticket_token_hash(token), short_code=short_code_for(token)
    )
    return fresh(ticket)


def salt_whose_code_has(*chars: str) -> str:
    """A salt whose ticket's typed code has `chars`."""
    for _attempt in range(10_000):
        salt = new_token_salt()
        if all(char in short_code_for(ticket_token_for(salt)) for char in chars):
            return salt
    raise AssertionError("no such token found")


# --- States --------------------------------------------------------------------------------------------------


def test_scanning_a_ticket_by_its_token_checks_it_in(event, volunteer):
    ticket = make_ticket(event, first_name="Søren", last_name="Kierkegaard")

    result = check_in(ticket.token, event, volunteer)

    assert result.state == Result.CHECKED_IN
    assert result.tone == "success"
    assert result.name == "Søren Kierkegaard"
    assert "Søren Kierkegaard" in result.message
    ticket = fresh(ticket)
    assert ticket.checked_in_at is not None
    assert ticket.checked_in_by == volunteer


def test_scanning_the_full_check_in_url_of_the_qr_code_checks_it_in(event, volunteer):
    ticket = make_ticket(event)
    url = "https://example.com" + reverse("events:checkin", args=[ticket.token])

    assert check_in(url, event, volunteer).state == Result.CHECKED_IN
    assert fresh(ticket).checked_in_at is not None


def test_the_url_with_a_query_string_or_without_the_last_slash_works_too(event, volunteer):
    first, second = make_ticket(event), make_ticket(event)
    url = "https://example.com" + reverse("events:checkin", args=[first.token])

    assert check_in(url + "?utm_source=qr", event, volunteer).state == Result.CHECKED_IN
    assert check_in(f"https://example.com/da/events/checkin/{second.token}", event, volunteer).state == (
        Result.CHECKED_IN
    )


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code,  # ABCDE-FGHJK as printed
        lambda code: code.lower(),
        lambda code: code.replace("-", " "),
        lambda code: code.replace("-", "").lower(),
        lambda code: f"  {code.lower()}  ",
        lambda code: code.lower().replace("-", " - "),
    ],
    ids=["as-printed", "lower-case", "space", "no-dash-lower", "padded", "spaced-dash"],
)
def test_a_typed_code_is_read_in_any_case_with_dash_or_space(event, volunteer, typed):
    ticket = make_ticket(event)

    result = check_in(typed(ticket.display_code), event, volunteer, source=CheckIn.Source.CODE)

    assert result.state == Result.CHECKED_IN
    assert result.registration.pk == ticket.pk
    assert CheckIn.objects.get().source == CheckIn.Source.CODE


def test_a_typed_code_with_o_for_zero_and_i_or_l_for_one_is_read_as_meant(event, volunteer):
    salt = salt_whose_code_has("0", "1")
    ticket = ticket_with_salt(event, salt)
    code = ticket.display_code
    misread = code.replace("0", "O").replace("1", "I")
    also_misread = code.replace("0", "o").replace("1", "l")
    assert misread != code

    assert parse_code(misread) == ("short", ticket.short_code)
    assert parse_code(also_misread) == ("short", ticket.short_code)
    assert check_in(misread, event, volunteer).state == Result.CHECKED_IN
    assert check_in(also_misread, event, volunteer).state == Result.ALREADY


def test_a_typed_code_only_works_at_its_own_event(make_event, event, volunteer):
    other = make_event()
    ticket = make_ticket(other)

    result = check_in(ticket.display_code, event, volunteer)

    assert result.state == Result.UNKNOWN
    assert fresh(ticket).checked_in_at is None


def test_a_second_scan_says_already_checked_in_with_the_time_and_the_volunteer(event, volunteer):
    ticket = make_ticket(event)
    check_in(ticket.token, event, volunteer)
    checked_in_at = fresh(ticket).checked_in_at
    other_volunteer = make_volunteer(event, first_name="Ole", last_name="Olsen")

    result = check_in(ticket.token, event, other_volunteer)

    assert result.state == Result.ALREADY
    assert result.tone == "warning"
    assert result.as_dict()["duplicate"] is True
    assert format_time(checked_in_at) in result.message  # "12.45" in Danish, "12:45" in English
    assert "Vera Frivillig" in result.message
    assert result.checked_in_by == "Vera Frivillig"
    ticket = fresh(ticket)
    assert ticket.checked_in_by == volunteer  # the second scan changed nothing
    assert ticket.checked_in_at == checked_in_at


def test_a_ticket_of_another_event_is_wrong_event_and_names_that_event(make_event, event, volunteer):
    other = make_event(title="Juleafslutning")
    ticket = make_ticket(other)

    result = check_in(ticket.token, event, volunteer)

    assert result.state == Result.WRONG_EVENT
    assert result.tone == "danger"
    assert "Juleafslutning" in result.message
    assert fresh(ticket).checked_in_at is None


def test_a_cancelled_ticket_is_refused(event, volunteer):
    ticket = make_ticket(event)
    services.cancel(ticket, by=ticket.user)

    result = check_in(ticket.token, event, volunteer)

    assert result.state == Result.CANCELLED
    assert result.tone == "danger"
    assert fresh(ticket).checked_in_at is None


def test_a_waiting_list_place_is_not_a_ticket(make_event):
    event = make_event(capacity=1)
    volunteer = make_volunteer(event)
    make_ticket(event)
    waiting = make_ticket(event)
    assert waiting.status == Registration.Status.WAITING

    result = check_in(waiting.token, event, volunteer)

    assert result.state == Result.WAITING
    assert result.tone == "danger"
    assert fresh(waiting).checked_in_at is None


@pytest.mark.parametrize(
    "garbage",
    [
        "hello",
        "",
        "   ",
        "x" * 10_000,
        "abc\x00def",
        "\x00",
        "🎟️🎉",
        "ABCDE-FGHJ🎉",
        "https://example.com/da/events/checkin/short/",
        "https://evil.example/?next=/checkin/",
        "'; DROP TABLE events_registration; --",
        None,
    ],
    ids=[
        "word",
        "empty",
        "blank",
        "10k",
        "nul-inside",
        "nul",
        "emoji",
        "code-emoji",
        "short-url",
        "url",
        "sql",
        "none",
    ],
)
def test_garbage_is_an_unknown_ticket_and_is_logged(event, volunteer, garbage):
    make_ticket(event)

    result = check_in(garbage, event, volunteer)

    assert result.state == Result.UNKNOWN
    assert result.tone == "danger"
    assert result.registration is None
    log = CheckIn.objects.get()
    assert log.result == Result.UNKNOWN
    assert log.volunteer == volunteer
    assert len(log.code) <= 64
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_a_ticket_registered_on_the_english_page_checks_in_at_the_danish_scanner(english_event):
    danish, english = english_event()
    volunteer = make_volunteer(danish)
    ticket = services.register(UserFactory(), english, accepted_terms=True)
    assert ticket.event_id == danish.event_id

    assert check_in(ticket.token, danish, volunteer).state == Result.CHECKED_IN
    assert check_in(ticket.display_code, english, volunteer).state == Result.ALREADY
    assert fresh(ticket).checked_in_by == volunteer


def test_the_event_may_be_given_as_the_english_page_or_the_event_record(english_event):
    danish, english = english_event()
    volunteer = make_volunteer(danish)
    first = services.register(UserFactory(), english, accepted_terms=True)
    second = make_ticket(danish)

    assert check_in(first.token, english, volunteer).state == Result.CHECKED_IN
    assert check_in(second.token, danish.event, volunteer).state == Result.CHECKED_IN
    assert english.event_id == danish.event_id
    assert set(CheckIn.objects.values_list("event_id", flat=True)) == {danish.event_id}


# --- The log ---------------------------------------------------------------------------------------------------


def test_every_attempt_is_logged_with_volunteer_result_and_source(make_event, event, volunteer):
    ticket = make_ticket(event)
    cancelled = make_ticket(event)
    services.cancel(cancelled, by=cancelled.user)
    foreign = make_ticket(make_event())

    check_in(ticket.token, event, volunteer, source=CheckIn.Source.CAMERA)
    check_in(ticket.display_code, event, volunteer, source=CheckIn.Source.CODE)
    check_in(cancelled.token, event, volunteer, source=CheckIn.Source.SEARCH)
    check_in(foreign.token, event, volunteer, source=CheckIn.Source.LINK)
    check_in("nonsense", event, volunteer, source="bogus")

    logged = list(CheckIn.objects.order_by("pk").values_list("registration_id", "volunteer_id", "result", "source"))
    assert logged == [
        (ticket.pk, volunteer.pk, Result.CHECKED_IN, CheckIn.Source.CAMERA),
        (ticket.pk, volunteer.pk, Result.ALREADY, CheckIn.Source.CODE),
        (cancelled.pk, volunteer.pk, Result.CANCELLED, CheckIn.Source.SEARCH),
        (foreign.pk, volunteer.pk, Result.WRONG_EVENT, CheckIn.Source.LINK),
        (None, volunteer.pk, Result.UNKNOWN, CheckIn.Source.CAMERA),  # an unknown source is logged as camera
    ]
    assert set(CheckIn.objects.values_list("event_id", flat=True)) == {event.event_id}
    # The log keeps the ticket's short code, never its token (which would check the ticket in).
    codes = list(CheckIn.objects.order_by("pk").values_list("code", flat=True))
    assert codes == [ticket.short_code, ticket.short_code, cancelled.short_code, foreign.short_code, "nonsense"]


# --- Queued scans: client ids and batches ----------------------------------------------------------------------


def test_the_same_client_id_twice_checks_in_once_and_answers_the_same(event, volunteer):
    ticket = make_ticket(event)

    first = check_in(ticket.token, event, volunteer, client_id="phone-1:42")
    second = check_in(ticket.token, event, volunteer, client_id="phone-1:42")

    assert first.state == second.state == Result.CHECKED_IN
    assert first.as_dict(volunteer) == second.as_dict(volunteer)
    assert second.client_id == "phone-1:42"
    assert CheckIn.objects.count() == 1
    assert CheckIn.objects.get().client_id == "phone-1:42"


def test_a_client_id_with_a_nul_byte_still_works_once(event, volunteer):
    ticket = make_ticket(event)

    first = check_in(ticket.token, event, volunteer, client_id="a\x00b")
    second = check_in(ticket.token, event, volunteer, client_id="a\x00b")

    assert first.state == second.state == Result.CHECKED_IN
    assert CheckIn.objects.count() == 1


def test_a_new_client_id_for_the_same_ticket_is_a_new_scan(event, volunteer):
    ticket = make_ticket(event)

    check_in(ticket.token, event, volunteer, client_id="a")
    result = check_in(ticket.token, event, volunteer, client_id="b")

    assert result.state == Result.ALREADY
    assert CheckIn.objects.count() == 2


def test_another_volunteers_client_id_is_not_answered_from_their_log(event, volunteer):
    ticket, other_ticket = make_ticket(event), make_ticket(event)
    check_in(ticket.token, event, volunteer, client_id="same-id")
    colleague = make_volunteer(event)

    result = check_in(other_ticket.token, event, colleague, client_id="same-id")

    assert result.state == Result.CHECKED_IN
    assert result.registration.pk == other_ticket.pk
    assert fresh(other_ticket).checked_in_by == colleague
    assert CheckIn.objects.count() == 2


def test_a_batch_is_resolved_in_scan_order_and_answered_in_the_given_order(event, volunteer):
    ticket = make_ticket(event)
    other = make_ticket(event)
    now = timezone.now()
    earlier, later = now - datetime.timedelta(minutes=10), now - datetime.timedelta(minutes=5)

    results = check_in_batch(
        [
            {"code": ticket.token, "client_id": "later", "scanned_at": later.isoformat()},
            {"code": other.display_code, "client_id": "other", "scanned_at": now.isoformat(), "source": "code"},
            {"code": ticket.token, "client_id": "earlier", "scanned_at": earlier.isoformat()},
        ],
        event,
        volunteer,
    )

    assert [r.state for r in results] == [Result.ALREADY, Result.CHECKED_IN, Result.CHECKED_IN]
    assert [r.client_id for r in results] == ["later", "other", "earlier"]
    assert fresh(ticket).checked_in_at == earlier
    logs = {log.client_id: log for log in CheckIn.objects.all()}
    assert logs["earlier"].result == Result.CHECKED_IN
    assert logs["later"].result == Result.ALREADY
    assert logs["other"].source == CheckIn.Source.CODE


def test_sending_a_batch_again_answers_from_the_log(event, volunteer):
    tickets = [make_ticket(event) for _ in range(3)]
    scans = [{"code": t.token, "client_id": f"q{n}"} for n, t in enumerate(tickets)]

    first = check_in_batch(scans, event, volunteer)
    again = check_in_batch(scans, event, volunteer)

    assert [r.state for r in first] == [Result.CHECKED_IN] * 3
    assert [r.state for r in again] == [Result.CHECKED_IN] * 3
    assert CheckIn.objects.count() == 3


@pytest.mark.parametrize("scans", [None, "scans", [1, 2], [{"code": "x"}] * 201, {"code": "x"}])
def test_a_bad_batch_is_refused(event, volunteer, scans):
    with pytest.raises(CheckInError) as error:
        check_in_batch(scans, event, volunteer)
    assert error.value.code == "bad_request"
    assert not CheckIn.objects.exists()


def test_a_scan_time_in_the_future_is_taken_as_now(event, volunteer):
    ticket = make_ticket(event)
    now = timezone.now()

    with time_machine.travel(now, tick=False):
        check_in(ticket.token, event, volunteer, scanned_at=now + datetime.timedelta(hours=3))

    assert fresh(ticket).checked_in_at == now
    assert CheckIn.objects.get().scanned_at == now


def test_a_scan_time_three_days_ago_is_taken_as_at_most_a_day_ago(event, volunteer):
    ticket = make_ticket(event)
    now = timezone.now()

    with time_machine.travel(now, tick=False):
        check_in(ticket.token, event, volunteer, scanned_at=(now - datetime.timedelta(days=3)).isoformat())

    assert fresh(ticket).checked_in_at == now - datetime.timedelta(hours=24)


@pytest.mark.parametrize(
    "scanned_at",
    ["yesterday", "", "2026-13-45T99:00", 12, []],
)
def test_a_scan_time_that_is_no_time_is_taken_as_now(event, volunteer, scanned_at):
    ticket = make_ticket(event)
    now = timezone.now()

    with time_machine.travel(now, tick=False):
        assert check_in(ticket.token, event, volunteer, scanned_at=scanned_at).state == Result.CHECKED_IN

    assert fresh(ticket).checked_in_at == now


@pytest.mark.parametrize(
    ("scanned_at", "taken_as"),
    [
        ("9999-12-31T23:59:59-23:59", datetime.timedelta(0)),
        ("0001-01-01T00:00:00+23:59", datetime.timedelta(hours=24)),
    ],
)
def test_the_extreme_times_are_taken_as_now_or_a_day_ago(event, volunteer, scanned_at, taken_as):
    ticket = make_ticket(event)
    now = timezone.now()

    with time_machine.travel(now, tick=False):
        assert check_in(ticket.token, event, volunteer, scanned_at=scanned_at).state == Result.CHECKED_IN

    assert fresh(ticket).checked_in_at == now - taken_as


def test_a_naive_scan_time_is_read_as_utc(event, volunteer):
    ticket = make_ticket(event)
    moment = (timezone.now() - datetime.timedelta(minutes=30)).astimezone(datetime.UTC).replace(microsecond=0)

    check_in(ticket.token, event, volunteer, scanned_at=moment.replace(tzinfo=None).isoformat())

    assert fresh(ticket).checked_in_at == moment


# --- Undo ------------------------------------------------------------------------------------------------------


def test_the_volunteer_who_checked_a_ticket_in_may_undo_it_and_the_undo_is_logged(event, volunteer):
    ticket = make_ticket(event, first_name="Søren", last_name="Kierkegaard")
    check_in(ticket.token, event, volunteer)

    result = undo_check_in(ticket.pk, event, volunteer)

    assert result.state == Result.UNDONE
    assert result.tone == "info"
    assert "Søren Kierkegaard" in result.message
    ticket = fresh(ticket)
    assert ticket.checked_in_at is None
    assert ticket.checked_in_by is None
    log = CheckIn.objects.order_by("-pk").first()
    assert (log.result, log.volunteer, log.registration_id, log.source) == (
        Result.UNDONE,
        volunteer,
        ticket.pk,
        CheckIn.Source.SEARCH,
    )
    assert check_in(ticket.token, event, volunteer).state == Result.CHECKED_IN  # and it can be scanned again


def test_another_volunteer_may_not_undo_it(event, volunteer):
    ticket = make_ticket(event)
    check_in(ticket.token, event, volunteer)
    colleague = make_volunteer(event)

    with pytest.raises(CheckInError) as error:
        undo_check_in(ticket.pk, event, colleague)

    assert error.value.code == "not_yours"
    assert fresh(ticket).checked_in_by == volunteer
    assert not CheckIn.objects.filter(result=Result.UNDONE).exists()
    assert check_in(ticket.token, event, colleague).as_dict(colleague)["can_undo"] is False
    assert check_in(ticket.token, event, volunteer).as_dict(volunteer)["can_undo"] is True


def test_an_organiser_may_undo_anyones_check_in(event, volunteer):
    ticket = make_ticket(event)
    check_in(ticket.token, event, volunteer)
    organiser = StaffFactory(permissions=["events.view_registrations"])

    assert undo_check_in(ticket.pk, event, organiser).state == Result.UNDONE

    assert fresh(ticket).checked_in_at is None
    assert CheckIn.objects.filter(result=Result.UNDONE, volunteer=organiser).count() == 1


def test_undo_of_a_ticket_not_checked_in_or_not_of_this_event_is_refused(make_event, event, volunteer):
    ticket = make_ticket(event)
    foreign = make_ticket(make_event())

    with pytest.raises(CheckInError) as not_checked_in:
        undo_check_in(ticket.pk, event, volunteer)
    with pytest.raises(CheckInError) as not_found:
        undo_check_in(foreign.pk, event, volunteer)
    with pytest.raises(CheckInError) as missing:
        undo_check_in(10**9, event, volunteer)

    assert not_checked_in.value.code == "not_checked_in"
    assert not_found.value.code == missing.value.code == "not_found"
    assert not CheckIn.objects.exists()


# --- Finding attendees -----------------------------------------------------------------------------------------


@pytest.fixture
def guests(event):
    return {
        "soren": make_ticket(event, first_name="Søren", last_name="Kierkegaard", email="sk@example.com"),
        "aero": make_ticket(event, first_name="Anne", last_name="Ærø", email="anne@example.com"),
        "karen": make_ticket(event, first_name="Karen", last_name="Blixen", email="isak.dinesen@example.com"),
        "hans": make_ticket(event, first_name="Hans Christian", last_name="Andersen", email="hca@example.com"),
    }


def found(event, query, **kwargs) -> set[int]:
    return {registration.pk for registration in search_attendees(event, query, **kwargs)}


def test_search_ignores_accents_and_case(event, guests):
    assert found(event, "soren") == {guests["soren"].pk}
    assert found(event, "SØREN") == {guests["soren"].pk}
    assert found(event, "aero") == {guests["aero"].pk}
    assert found(event, "ærø") == {guests["aero"].pk}


def test_search_finds_a_prefix_of_the_last_name_or_the_email(event, guests):
    assert found(event, "kierk") == {guests["soren"].pk}
    assert found(event, "blix") == {guests["karen"].pk}
    assert found(event, "isak") == {guests["karen"].pk}
    assert found(event, "hca") == {guests["hans"].pk}
    assert found(event, "christian") == {guests["hans"].pk}
    assert found(event, "ierkegaard") == set()  # a prefix, not any substring


def test_search_with_several_words_needs_each_to_match(event, guests):
    assert found(event, "sø kier") == {guests["soren"].pk}
    assert found(event, "kier sø") == {guests["soren"].pk}
    assert found(event, "sø blix") == set()


def test_search_finds_only_confirmed_tickets_of_this_event(make_event):
    event = make_event(capacity=2)
    mine = make_ticket(event, last_name="Madsen")
    cancelled = make_ticket(event, last_name="Madsen")
    services.cancel(cancelled, by=cancelled.user)
    second = make_ticket(event, last_name="Madsen")
    waiting = make_ticket(event, last_name="Madsen")
    assert waiting.status == Registration.Status.WAITING
    make_ticket(make_event(), last_name="Madsen")

    assert found(event, "madsen") == {mine.pk, second.pk}


def test_search_stops_at_the_limit_and_sorts_by_name(event):
    for first_name in ["Eva", "Bo", "Dan", "Ada", "Cai"]:
        make_ticket(event, first_name=first_name, last_name="Hansen")

    results = search_attendees(event, "hans", limit=3)

    assert [r.user.first_name for r in results] == ["Ada", "Bo", "Cai"]
    assert len(search_attendees(event, "hans")) == 5


@pytest.mark.parametrize("query", ["", "   ", "-", "!!", None, "\x00"])
def test_an_empty_search_finds_nobody(event, guests, query):
    assert search_attendees(event, query) == []


def test_a_very_long_search_is_cut_and_still_finds_by_its_words(event, guests):
    assert found(event, "sø " * 10_000) == {guests["soren"].pk}
    assert found(event, "soren " + "x" * 10_000) == set()  # the one long word must match too


# --- Who may scan --------------------------------------------------------------------------------------------


def test_organisers_may_scan_every_event(make_event, event):
    organiser = StaffFactory(permissions=["events.view_registrations"])
    django_staff = UserFactory(is_staff=True)

    for user in (organiser, django_staff):
        assert services.may_scan(user, event)
        assert services.may_scan(user, make_event().event)


def test_an_assigned_volunteer_may_scan_only_their_event(make_event, event, volunteer):
    other = make_event()

    assert services.may_scan(volunteer, event)
    assert services.may_scan(volunteer, event)
    assert not services.may_scan(volunteer, other)


def test_the_assignment_covers_every_language_version(english_event):
    danish, english = english_event()
    volunteer = make_volunteer(danish)

    assert services.may_scan(volunteer, english)


def test_a_volunteer_taken_out_of_the_volunteers_group_may_no_longer_scan(event, volunteer):
    volunteer.groups.remove(Group.objects.get(name="Volunteers"))

    assert not services.may_scan(User.objects.get(pk=volunteer.pk), event)


def test_a_volunteer_unassigned_from_the_event_may_no_longer_scan(event, volunteer):
    assert services.unassign_volunteer(event, volunteer)

    assert not services.may_scan(User.objects.get(pk=volunteer.pk), event)


def test_a_volunteer_group_member_who_is_not_assigned_may_not_scan(event):
    assert not services.may_scan(make_volunteer(), event)


def test_an_assignment_without_the_group_gives_nothing(event):
    user = UserFactory()
    services.assign_volunteer(event, user, by=None)  # assigning puts them in the group ...
    user.groups.clear()  # ... an admin taking them out again wins

    assert not services.may_scan(User.objects.get(pk=user.pk), event)


def test_plain_users_and_anonymous_visitors_may_not_scan(event):
    ticket_holder = make_ticket(event).user

    assert not services.may_scan(UserFactory(), event)
    assert not services.may_scan(ticket_holder, event)
    assert not services.may_scan(AnonymousUser(), event)


def test_scannable_events_are_a_volunteers_assigned_coming_events(make_event, event, volunteer):
    other = make_event()
    past = make_event(
        start=timezone.now() - datetime.timedelta(days=3), end=timezone.now() - datetime.timedelta(days=3, hours=-2)
    )
    services.assign_volunteer(past, volunteer, by=None)
    organiser = StaffFactory(permissions=["events.view_registrations"])

    assert list(services.scannable_events(volunteer)) == [event.event]
    assert {event.event_id, other.event_id} <= set(services.scannable_events(organiser).values_list("pk", flat=True))
    assert past.event_id not in set(services.scannable_events(organiser).values_list("pk", flat=True))
    assert not services.scannable_events(UserFactory()).exists()
    assert not services.scannable_events(AnonymousUser()).exists()
