"""Who counts as a member: `is_active_member`, and the `members_only` view decorator other apps reuse."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from community.models import Member


def is_active_member(user) -> bool:
    """Whether `user` is logged in, activated and holds an Active membership."""
    if not getattr(user, "is_authenticated", False) or not user.is_verified:
        return False
    return Member.objects.filter(user=user, status=Member.Status.ACTIVE).exists()


def render_activate_first(request, status: int = 403):
    """The page telling a logged-in but not yet activated user to use the link in their activation mail."""
    return render(request, "community/membership/activate_first.html", status=status)


def members_only(view_func):
    """Let active members through; send anyone else where they can become one.

    Anonymous visitors go to log in (and come back), unactivated users see how to activate, and users without
    an active membership go to the application page and back (or, having applied, to their membership page) with a
    message saying why.
    """

    @wraps(view_func)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_verified:
            return render_activate_first(request)
        if not is_active_member(user):
            messages.info(request, _("That page is for members. Apply for membership, or renew it, to see it."))
            if Member.objects.filter(user=user).exists():
                return redirect("community:membership")
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('community:membership_apply')}?{query}")
        return view_func(request, *args, **kwargs)

    return wrapped
