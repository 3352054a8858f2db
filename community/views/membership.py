"""The member's own pages: apply, see the membership and edit the directory profile, renew."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from community.forms.membership import ApplicationForm, DirectoryProfileForm
from community.models import Member
from community.permissions import render_activate_first
from community.services import membership
from community.services.membership import Address, MembershipError
from home.redirects import safe_next_url


@require_http_methods(["GET", "POST"])
def apply(request):
    """The application form. A `next` on this site (a members-only event sends one) is where the visitor goes
    afterwards, and where an existing member or applicant is sent straight away."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_verified:
        return render_activate_first(request)
    if Member.objects.filter(user=user).exists():
        messages.info(request, MembershipError("already_applied").message)
        return redirect(safe_next_url(request, reverse("community:membership")))
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership.apply(
                user,
                address=Address(street=data["street"], postal_code=data["postal_code"], city=data["city"]),
                job_title=data["job_title"],
            )
        except MembershipError as exc:
            messages.info(request, exc.message)
        else:
            messages.success(request, _("Thank you! Your application is pending until the board approves it."))
        return redirect(safe_next_url(request, reverse("community:membership")))
    statutes_url = getattr(settings, "MEMBERSHIP_STATUTES_URL", "")
    next_url = safe_next_url(request, "")
    return render(
        request, "community/membership/apply.html", {"form": form, "statutes_url": statutes_url, "next_url": next_url}
    )


@login_required
@require_http_methods(["GET", "POST"])
def overview(request):
    """Status, end date and role of the membership, the renew button when due, and the directory profile."""
    member = Member.objects.filter(user=request.user).first()
    form = None
    if member is not None:
        form = DirectoryProfileForm(request.POST or None, instance=member)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("Your member profile is saved."))
            return redirect("community:membership")
    return render(
        request,
        "community/membership/overview.html",
        {
            "member": member,
            "form": form,
            "renewal_due": member is not None and membership.is_renewal_due(member),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def renew(request):
    member = Member.objects.filter(user=request.user).first()
    if member is None:
        return redirect("community:membership_apply")
    if request.method == "POST":
        try:
            member = membership.renew(member)
        except MembershipError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your membership is renewed."))
        return redirect("community:membership")
    return render(
        request,
        "community/membership/renew.html",
        {"member": member, "renewal_due": membership.is_renewal_due(member)},
    )
