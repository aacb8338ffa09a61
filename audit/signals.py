"""Receivers that record the account events: logins, logouts, password, email and
two-factor changes. Django sends the login signals (allauth logs in through Django's
login()/authenticate()); allauth sends the others, always with the request."""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from audit.choices import AuditAction
from audit.services import attempted_email, record


@receiver(auth_signals.user_logged_in, dispatch_uid="audit_login")
def logged_in(sender, request, user, **kwargs):
    record(AuditAction.LOGIN_SUCCEEDED, user=user, request=request)


@receiver(auth_signals.user_login_failed, dispatch_uid="audit_login_failed")
def login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the email is read.
    email = attempted_email(credentials.get("email") or credentials.get("username"))
    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    record(
        AuditAction.LOGIN_FAILED,
        user=user,
        email=email,
        request=request,
        details={"stage": "password"} if email else {"stage": "password", "email_invalid": True},
    )


@receiver(auth_signals.user_logged_out, dispatch_uid="audit_logout")
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditAction.LOGOUT, user=user, request=request)


@receiver(account_signals.password_changed, dispatch_uid="audit_password_changed")
def password_changed(sender, request, user, **kwargs):
    record(AuditAction.PASSWORD_CHANGED, user=user, request=request)


@receiver(account_signals.password_set, dispatch_uid="audit_password_set")
def password_set(sender, request, user, **kwargs):
    record(AuditAction.PASSWORD_CHANGED, user=user, request=request, details={"first": True})


@receiver(account_signals.password_reset, dispatch_uid="audit_password_reset")
def password_reset(sender, request, user, **kwargs):
    record(AuditAction.PASSWORD_RESET, user=user, request=request)


@receiver(account_signals.email_changed, dispatch_uid="audit_email_changed")
def email_changed(sender, request, user, from_email_address=None, to_email_address=None,
                  **kwargs):  # fmt: skip
    record(
        AuditAction.EMAIL_CHANGED,
        user=user,
        request=request,
        details={
            "change": "primary",
            "from": getattr(from_email_address, "email", ""),
            "to": getattr(to_email_address, "email", ""),
        },
    )


@receiver(account_signals.email_added, dispatch_uid="audit_email_added")
def email_added(sender, request, user, email_address, **kwargs):
    record(
        AuditAction.EMAIL_CHANGED,
        user=user,
        request=request,
        details={"change": "added", "address": email_address.email},
    )


@receiver(account_signals.email_removed, dispatch_uid="audit_email_removed")
def email_removed(sender, request, user, email_address, **kwargs):
    record(
        AuditAction.EMAIL_CHANGED,
        user=user,
        request=request,
        details={"change": "removed", "address": email_address.email},
    )


def _mfa_changed(change):
    def receive(sender, request, user, authenticator, **kwargs):
        # The authenticator's type only: its data holds the TOTP secret or the codes.
        record(
            AuditAction.MFA_CHANGED,
            user=user,
            request=request,
            details={"change": change, "type": authenticator.type},
        )

    return receive


mfa_added = _mfa_changed("added")
mfa_removed = _mfa_changed("removed")
mfa_reset = _mfa_changed("reset")
mfa_signals.authenticator_added.connect(mfa_added, dispatch_uid="audit_mfa_added")
mfa_signals.authenticator_removed.connect(mfa_removed, dispatch_uid="audit_mfa_removed")
mfa_signals.authenticator_reset.connect(mfa_reset, dispatch_uid="audit_mfa_reset")


@receiver(mfa_signals.authentication_failed, dispatch_uid="audit_mfa_failed")
def two_factor_failed(sender, request, user, authenticator=None, **kwargs):
    record(
        AuditAction.LOGIN_FAILED,
        user=user,
        request=request,
        details={
            "stage": "two_factor",
            "type": getattr(authenticator, "type", ""),
            "reauthentication": bool(kwargs.get("reauthentication")),
        },
    )
