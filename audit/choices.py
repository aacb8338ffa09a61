from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """What happened. Values are stored: add new ones, never rename old ones."""

    # accounts
    LOGIN_SUCCEEDED = "login_succeeded", _("Login succeeded")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOGOUT = "logout", _("Logout")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset")
    EMAIL_CHANGED = "email_changed", _("Email address changed")
    MFA_CHANGED = "mfa_changed", _("Two-factor authentication changed")
    # decisions on people and cities
    ACCESS_APPROVED = "access_approved", _("Access approved")
    ACCESS_REJECTED = "access_rejected", _("Access refused")
    ACCESS_MORE_INFORMATION = "access_more_information", _("More information asked (access)")
    APPLICATION_APPROVED = "application_approved", _("City application approved")
    APPLICATION_REJECTED = "application_rejected", _("City application rejected")
    APPLICATION_MORE_INFORMATION = (
        "application_more_information",
        _("More information asked (city application)"),
    )
    # library
    DOCUMENT_UPLOADED = "document_uploaded", _("Document uploaded")
    DOCUMENT_PUBLISHED = "document_published", _("Document published")
    DOCUMENT_REJECTED = "document_rejected", _("Document rejected")
    DOCUMENT_ARCHIVED = "document_archived", _("Document archived")
    DOCUMENT_DOWNLOADED = "document_downloaded", _("Document downloaded")
    # city profiles
    PROFILE_EDITED = "profile_edited", _("City profile edited")
    INITIATIVE_CHANGED = "initiative_changed", _("Initiative changed")
    # events
    REGISTRATION_APPROVED = "registration_approved", _("Registration approved")
    REGISTRATION_REJECTED = "registration_rejected", _("Registration rejected")
    ATTENDANCE_MARKED = "attendance_marked", _("Attendance marked")
    # refusals
    PERMISSION_DENIED = "permission_denied", _("Permission denied")
    RATE_LIMITED = "rate_limited", _("Rate limited")
