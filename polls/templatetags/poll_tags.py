"""`{% polls_waiting_for user as polls %}`: the polls for My page's "Polls waiting for your vote" section."""

from django import template

from polls.listing import polls_for

register = template.Library()


@register.simple_tag
def polls_waiting_for(user) -> dict:
    return polls_for(user)
