"""The community app's own pages, served under the language prefix (/da/…, /en/…) by cms/urls.py."""

from django.urls import path

from community.views import accounts, directory, two_factor
from community.views import membership as membership_views

app_name = "community"

urlpatterns = [
    # Accounts
    path("account/", accounts.dashboard, name="dashboard"),
    path("account/register/", accounts.register, name="register"),
    path("account/register/done/", accounts.register_done, name="register_done"),
    path("account/activate/resend/", accounts.resend_activation, name="resend_activation"),
    path("account/activate/<uidb64>/<token>/", accounts.activate, name="activate"),
    path("account/login/", accounts.LoginView.as_view(), name="login"),
    path("account/logout/", accounts.LogoutView.as_view(), name="logout"),
    path("account/password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("account/password-reset/done/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "account/password-reset/complete/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "account/password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("account/password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("account/two-factor/", two_factor.setup, name="two_factor"),
    path("account/two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    path("account/two-factor/recovery-codes/", two_factor.new_recovery_codes, name="two_factor_recovery_codes"),
    path("account/two-factor/off/", two_factor.turn_off, name="two_factor_off"),
    path("account/profile/", accounts.profile, name="profile"),
    path("account/export/", accounts.export_data, name="export_data"),
    path("account/delete/", accounts.delete_account, name="delete_account"),
    # Wagtail's form for password-protected pages, limited (before Wagtail's own pattern for the same path).
    path(
        "_util/authenticate_with_password/<row_id:page_view_restriction_id>/<row_id:page_id>/",
        accounts.page_password,
        name="page_password",
    ),
    # Membership and the members page
    path("membership/", membership_views.overview, name="membership"),
    path("membership/apply/", membership_views.apply, name="membership_apply"),
    path("membership/renew/", membership_views.renew, name="membership_renew"),
    path("members/", directory.directory, name="directory"),
]
