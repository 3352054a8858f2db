"""Numbers as the salary and community pages write them, in the visitor's language (Danish: 45.000 kr.)."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def grouped(value) -> str:
    """A whole number with the language's thousands separator: 1.234 in Danish, 1,234 in English."""
    if value is None or value == "":
        return ""
    return number_format(round(value), decimal_pos=0, use_l10n=True, force_grouping=True)


@register.filter
def kroner(value) -> str:
    """An amount in Danish kroner: "45.000 kr." in Danish, "DKK 45,000" in English."""
    if value is None or value == "":
        return ""
    amount = grouped(value)
    return f"{amount} kr." if (get_language() or "").startswith("da") else f"DKK {amount}"


@register.filter
def percent(value) -> str:
    if value is None:
        return _("not yet")
    return number_format(value * 100, decimal_pos=0, use_l10n=True) + " %"
