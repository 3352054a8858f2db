"""Two-factor log in pages: set up (QR code, secret, recovery codes), enter a code, and manage it from My page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from community.services import two_factor
from community.services.two_factor import TwoFactorError


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6 digits your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        ),
    )


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return ""


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Set up (or replace) the authenticator app; replacing needs a session that already passed a code."""
    user = request.user
    if two_factor.has_device(user) and not two_factor.is_verified(request):
        return redirect(f"{reverse('community:two_factor_verify')}?next={request.path}")
    if two_factor.has_device(user) and request.method == "GET" and "replace" not in request.GET:
        return render(request, "community/account/two_factor_manage.html", {"required": two_factor.is_required(user)})
    device = two_factor.pending_device(user, create=request.method == "GET")
    if device is None:
        # A code sent with no set-up started (the page was never opened, or another tab finished it): nothing
        # to confirm and nothing is made; the page, opened again, shows where the account stands.
        return redirect(request.get_full_path())
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.confirm_setup(request, form.cleaned_data["code"])
        except TwoFactorError as error:
            form.add_error("code", error.message)
        else:
            context = {"codes": codes, "next": _next_url(request)}
            return render(request, "community/account/two_factor_codes.html", context)
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_in_base32(device),
        "required": two_factor.is_required(user),
        "next": _next_url(request),
    }
    return render(request, "community/account/two_factor_setup.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.verify(request, form.cleaned_data["code"])
        except TwoFactorError as error:
            form.add_error("code", error.message)
        else:
            return redirect(_next_url(request) or "community:dashboard")
    return render(request, "community/account/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@login_required
@never_cache
@require_POST
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    if not (two_factor.has_device(request.user) and two_factor.is_verified(request)):
        return redirect("community:two_factor")
    codes = two_factor.new_recovery_codes(request.user)
    return render(request, "community/account/two_factor_codes.html", {"codes": codes, "next": ""})


@login_required
@never_cache
@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    if two_factor.has_device(request.user) and not two_factor.is_verified(request):
        return redirect("community:two_factor")
    try:
        two_factor.turn_off(request.user)
    except TwoFactorError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Two-factor log in is turned off."))
    return redirect("community:dashboard")
