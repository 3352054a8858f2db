"""Account pages: register, activate, log in and out, password reset and change, profile, My page, data, deletion."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views
from wagtail.admin.views import account as wagtail_account_views

from community.dashboard import dashboard_sections
from community.forms.accounts import (
    DeleteAccountForm,
    EmailForm,
    LoginForm,
    ProfileForm,
    QueuedPasswordResetForm,
    RegistrationForm,
    ResetSetPasswordForm,
)
from community.middleware import throttled_response
from community.models import Member
from community.services import accounts, personal_data, ratelimit
from community.services.accounts import AccountError, reverse_in
from community.tokens import reset_token_generator
from home.redirects import safe_next_url


def rate_limited(request: HttpRequest) -> HttpResponse:
    return throttled_response(request)


def home_url() -> str:
    return reverse("wagtail_serve", args=[""])


@never_cache
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("community:dashboard")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.attempt("register", ip=ratelimit.client_ip(request)):
            return rate_limited(request)
        if form.is_valid():
            try:
                accounts.register(form.registration(language=get_language()))
            except AccountError as error:
                form.add_error("email", error.message)
            else:
                return redirect("community:register_done")
    return render(request, "community/account/register.html", {"form": form})


def register_done(request: HttpRequest) -> HttpResponse:
    return render(request, "community/account/register_done.html")


@never_cache
@require_http_methods(["GET", "POST"])
def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """Opening the link shows a button; only pressing it (a POST) activates. Mail scanners and link previews
    open links in mails, so a GET must not change anything."""
    try:
        if request.method != "POST":
            accounts.check_activation_link(uidb64, token)
            return render(request, "community/account/activate.html")
        accounts.activate(uidb64, token)
    except AccountError as error:
        initial = {}
        if error.code == "expired_link":
            # The link reached this address, so offering to send it again there reveals nothing new.
            user = accounts.user_from_uid(uidb64)
            initial = {"email": user.email} if user else {}
        status = 200 if error.code == "already_verified" else 400
        context = {"error": error, "resend_form": EmailForm(initial=initial)}
        return render(request, "community/account/activation_failed.html", context, status=status)
    return render(request, "community/account/activation_done.html")


@never_cache
@require_http_methods(["GET", "POST"])
def resend_activation(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST or None, initial={"email": request.GET.get("email", "")[:254]})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not ratelimit.attempt("resend_activation", ip=ratelimit.client_ip(request), email=email):
            return rate_limited(request)
        accounts.resend_activation(email)
        # The same answer whether or not the address has an account waiting for activation.
        return render(request, "community/account/resend_activation_sent.html", {"email": email})
    return render(request, "community/account/resend_activation.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Django's log in. Its password check goes through the limiter (community.services.password_checks), which
    refuses a used-up pair, address or (slowed-down) account with 429 before looking at the password."""

    form_class = LoginForm
    template_name = "community/account/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Log out by POST only; a GET (a link, a prefetch) shows the button instead of logging anyone out."""

    http_method_names = ["get", "post", "options"]
    template_name = "community/account/logout.html"

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, self.template_name)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You are logged out."))
        return response

    def get_default_redirect_url(self):
        return home_url()


class PasswordResetView(auth_views.PasswordResetView):
    """The same answer whether the address has an account or not; limited per IP and per address."""

    form_class = QueuedPasswordResetForm
    template_name = "community/account/password_reset.html"
    success_url = reverse_lazy("community:password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not ratelimit.attempt("password_reset", ip=ratelimit.client_ip(self.request), email=email):
            return rate_limited(self.request)
        return super().form_valid(form)


def admin_password_reset(request: HttpRequest) -> HttpResponse:
    """The Wagtail admin's "Forgot password?": the site's own reset, in the visitor's language."""
    return redirect(reverse_in(get_language(), "community:password_reset"))


class AdminLoginView(wagtail_account_views.LoginView):
    """Wagtail's admin log in, following `next` only when it is a path on this site. Opened by someone already
    logged in, Wagtail's view passes `next` to redirect(), which takes a bare word (`?next=data`) for the name of a
    view and fails with a server error; such a `next` now leads to the admin's dashboard."""

    def get_redirect_url(self) -> str:
        return safe_next_url(self.request, "")


@never_cache
def page_password(request: HttpRequest, page_view_restriction_id: int, page_id: int) -> HttpResponse:
    """Wagtail's form for a password-protected page, limited per restriction and address like a log in."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = f"page-restriction:{page_view_restriction_id}"
    try:
        attempt = ratelimit.reserve("page_password", ip=ratelimit.client_ip(request), email=restriction)
    except ratelimit.Throttled as throttled:
        return throttled_response(request, throttled.retry_after)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 200:  # the right password redirects; only the form again is a failure
        attempt.release()
    return response


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "community/account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's confirm view, with the token kept in the session only as a seal (community.tokens)."""

    form_class = ResetSetPasswordForm
    template_name = "community/account/password_reset_confirm.html"
    success_url = reverse_lazy("community:password_reset_complete")
    token_generator = reset_token_generator

    def dispatch(self, request, *args, **kwargs):
        if kwargs.get("token", "").startswith(f"{reset_token_generator.SEALED}-"):
            kwargs["token"] = "invalid"  # noqa: S105 - a seal is only good from the session
        response = super().dispatch(request, *args, **kwargs)
        token = request.session.get(auth_views.INTERNAL_RESET_SESSION_TOKEN)
        if token and not token.startswith(f"{reset_token_generator.SEALED}-"):
            request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN] = reset_token_generator.seal(token)
        return response

    def form_valid(self, form):
        with transaction.atomic():
            return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "community/account/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's change view keeps this session (update_session_auth_hash); every other session of the account
    fails Django's session hash check on its next request, so it is logged out."""

    template_name = "community/account/password_change.html"
    success_url = reverse_lazy("community:dashboard")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            accounts.queue_password_changed_mail(form.user)
        messages.success(self.request, _("Your password is changed. Other devices were logged out."))
        return response


@login_required
@never_cache
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "member": Member.objects.filter(user=request.user).first(),
        "dashboard_sections": dashboard_sections(),
    }
    return render(request, "community/dashboard.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, user=user)
        if form.is_valid():
            accounts.update_profile(user, form.changes())
            messages.success(request, _("Your profile is saved."))
            return redirect("community:profile")
    else:
        form = ProfileForm(user=user)
    return render(request, "community/account/profile.html", {"form": form})


@login_required
@never_cache
def export_data(request: HttpRequest) -> JsonResponse:
    data = personal_data.export_data(request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2, "ensure_ascii": False})
    filename = f"ddsc-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    # The password check goes through the limiter ("confirm_password"), like the password change's.
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(user)
        logout(request)
        messages.success(request, _("Your account is deleted. We sent a confirmation to your e-mail address."))
        return redirect(home_url())
    return render(request, "community/account/delete.html", {"form": form})
