"""Where each page type may go: `parent_page_types`, `subpage_types` and one-per-parent, for every page type of
the project (a new page type fails the last test until its rules are written down here)."""

import pytest
from wagtail.models import Page, get_page_models

# page type: (the types it may be created under, the types that may be created under it, one per parent)
TREE = {
    "home.HomePage": ({"wagtailcore.Page"}, None, True),
    "home.StandardPage": ({"home.HomePage", "home.StandardPage"}, {"home.StandardPage"}, False),
    "home.NewsIndexPage": ({"home.HomePage"}, {"home.NewsPage"}, True),
    "home.NewsPage": ({"home.NewsIndexPage"}, set(), False),
    "community.BoardIndexPage": ({"home.HomePage"}, {"community.BoardMemberPage"}, True),
    "community.BoardMemberPage": ({"community.BoardIndexPage"}, set(), False),
    "community.ArticleIndexPage": ({"home.HomePage"}, {"community.ArticlePage"}, True),
    "community.ArticlePage": ({"community.ArticleIndexPage"}, set(), False),
    "events.EventIndexPage": ({"home.HomePage"}, {"events.EventPage"}, True),
    "events.EventPage": ({"events.EventIndexPage"}, set(), False),
    "polls.PollIndexPage": ({"home.HomePage"}, {"polls.PollPage"}, True),
    "polls.PollPage": ({"polls.PollIndexPage"}, set(), False),
}
# The home page names no feature app (they put their index pages under it by their own parent_page_types), so
# what may go under it is every type that names it as a parent.
UNDER_HOME = {label for label, (parents, _, _) in TREE.items() if "home.HomePage" in parents}


def model(label: str) -> type[Page]:
    return next(m for m in get_page_models() if m._meta.label == label)


def labels(models) -> set[str]:
    return {m._meta.label for m in models if m.is_creatable}


def test_every_page_type_of_the_project_has_its_rules_written_down():
    project_types = {m._meta.label for m in get_page_models() if m._meta.app_label != "wagtailcore"}

    assert project_types == set(TREE)


@pytest.mark.parametrize("label", sorted(TREE))
def test_a_page_type_is_created_only_under_its_parents(label):
    parents, _, _ = TREE[label]
    page_type = model(label)

    assert {m._meta.label for m in page_type.allowed_parent_page_models()} == parents


@pytest.mark.parametrize("label", sorted(TREE))
def test_a_page_type_allows_only_its_subpages(label):
    _, subpages, _ = TREE[label]
    page_type = model(label)

    expected = UNDER_HOME if subpages is None else subpages
    assert labels(page_type.allowed_subpage_models()) == expected


@pytest.mark.parametrize("label", sorted(TREE))
def test_index_and_home_pages_are_one_per_parent(label):
    _, _, one_per_parent = TREE[label]

    assert (model(label).max_count_per_parent == 1) is one_per_parent


@pytest.mark.django_db
def test_on_a_real_tree_a_second_index_and_a_misplaced_page_cannot_be_created(home_page):
    from events.models import EventIndexPage, EventPage
    from polls.models import PollIndexPage, PollPage

    assert EventIndexPage.can_create_at(home_page) and PollIndexPage.can_create_at(home_page)
    events = home_page.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))

    assert not EventIndexPage.can_create_at(home_page)  # one events index per home page
    assert EventPage.can_create_at(events)
    assert not PollPage.can_create_at(home_page) and not PollPage.can_create_at(events)
