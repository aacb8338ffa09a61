"""The gate of the member-only hub.

Every URL is closed unless its name is on one of two explicit allowlists below
(pretix keeps such a list in control/middleware.py). Views cannot open themselves
up by decoration: a new view is member-only until someone adds its URL name here,
and the URL sweep in tests/test_url_sweep.py checks every pattern of the project.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _

from audit.choices import AuditAction
from audit.services import record
from membership.access import has_member_access

# Reachable without logging in. Only what someone needs before they have an account
# or while they are logging in.
PUBLIC_URL_NAMES = frozenset(
    {
        # login, including its second step for accounts with two-factor authentication
        "account_login",
        "mfa_authenticate",
        "account_logout",
        # password reset by email
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        # signup (a practitioner's access request) and email confirmation
        "account_signup",
        "account_email_verification_sent",
        "account_confirm_email",
        "account_inactive",
        # a city's application to join the network
        "membership:join",
        "membership:join_done",
        # language switcher
        "set_language",
        # health checks for load balancers and orchestrators
        "healthz",
        "readyz",
        # a member's personal calendar feed: calendar apps cannot log in, so the secret
        # token in the address is the authentication (the view answers 404 without it)
        "events:feed",
    }
)

# Reachable by a logged-in user who is not (or no longer) a member: someone whose access
# request is under review, was rejected, or whose city is suspended or has left.
# They see the status of their application and manage their own account, nothing else.
# Pages where someone changes how they log in or which second factor protects them (they
# also require a recent login: scn_portal/sessions.py).
ACCOUNT_SECURITY_URL_NAMES = frozenset(
    {
        "account_email",
        "account_change_password",
        "account_set_password",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_list_webauthn",
        "mfa_add_webauthn",
        "mfa_edit_webauthn",
        "mfa_remove_webauthn",
    }
)
APPLICANT_URL_NAMES = (
    PUBLIC_URL_NAMES
    | ACCOUNT_SECURITY_URL_NAMES
    | frozenset({"membership:application_status", "account_reauthenticate", "mfa_reauthenticate"})
)


class MemberOnlyMiddleware(LoginRequiredMiddleware):
    """Anonymous visitors go to the login page; applicants to their application status.

    Replaces the `login_required` attribute check of Django's LoginRequiredMiddleware
    (which third-party views such as allauth's set for themselves) with the allowlists.
    """

    def get_login_url(self, view_func):
        # One login page for the whole hub, whatever a view (the admin's) asks for.
        return resolve_url(settings.LOGIN_URL)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name
        # Checked before touching request.user, so public URLs (/readyz) need no database.
        if view_name in PUBLIC_URL_NAMES:
            return None
        if not request.user.is_authenticated:
            return self.handle_no_permission(request, view_func)
        if view_name in APPLICANT_URL_NAMES:
            return None
        if request.user.is_staff and not is_mfa_enabled(request.user):
            # Staff can approve members and read every upload: an account that strong
            # is not used without a second factor. Only their own account pages (where
            # they set one up) stay open until then.
            messages.warning(
                request,
                _("SCN staff accounts need two-factor authentication. Set up an "
                  "authenticator app to continue."),
            )  # fmt: skip
            record_refusal(request, view_name, "staff_without_two_factor")
            return redirect("mfa_activate_totp")
        if has_member_access(request.user):
            return None
        record_refusal(request, view_name, "not_a_member")
        return redirect("membership:application_status")


def record_refusal(request, view_name: str, reason: str) -> None:
    """An audit event for a logged-in person turned away (anonymous visitors sent to the
    login page are not: every bot and expired session would flood the log)."""
    record(
        AuditAction.PERMISSION_DENIED,
        request=request,
        details={"reason": reason, "view": view_name, "path": request.path},
    )
