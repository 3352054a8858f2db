"""`{% user_tickets user as tickets %}`: the My tickets lists for the dashboard section."""

from django import template

from events.views.tickets import tickets_for

register = template.Library()


@register.simple_tag
def user_tickets(user) -> dict:
    return tickets_for(user)
