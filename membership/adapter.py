"""allauth hooks of the hub."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.utils import translation

from audit.choices import AuditAction
from audit.services import attempted_email, record
from scn_portal.languages import set_language_cookie
from scn_portal.sessions import start_session_clock


class AccountAdapter(DefaultAccountAdapter):
    def post_login(self, request, user, **kwargs):
        """After a login, switch to the language the person chose last time, wherever they
        chose it; someone who never chose keeps the browser's language. The session's
        idle and absolute limits (scn_portal.sessions) count from now."""
        response = super().post_login(request, user, **kwargs)
        start_session_clock(request)
        if user.preferred_language:
            translation.activate(user.preferred_language)
            set_language_cookie(response, user.preferred_language)
        return response

    def pre_authenticate(self, request, **credentials):
        """allauth's login rate limit refuses the attempt here, before any password is
        checked (so Django sends no login-failed signal): note the refusal in the audit
        log, with the email tried and never the password."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            record(
                AuditAction.RATE_LIMITED,
                email=attempted_email(credentials.get("email")),
                request=request,
                details={"path": request.path, "limit": "login_failed"},
            )
            raise
