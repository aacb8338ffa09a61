"""The audit log's one table."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.choices import AuditAction

USER_AGENT_MAX_LENGTH = 300
OBJECT_REPR_MAX_LENGTH = 200


class AuditEvent(models.Model):
    """One thing that happened: who did what, to which object, when and from where.

    Append-only: written by audit.services.record() only, never changed or deleted by the
    application (the admin is read-only; a database trigger, see migration 0002, refuses
    UPDATE and DELETE except the SET_NULL of a deleted user or content type). The email and
    the object's text are copied at the time, so the record still says who and what after
    the user or the object is deleted. `details` is a small JSON object and never holds a
    password, code, token or file content (record() drops such keys).
    """

    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    # The account's email when it happened; for a failed login, the email that was tried.
    email = models.CharField(_("email"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("object type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=OBJECT_REPR_MAX_LENGTH, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=USER_AGENT_MAX_LENGTH, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-when", "-pk"]
        # The admin's filters: by action over time, and everything about one object.
        indexes = [
            models.Index(fields=["action", "-when"], name="audit_action_when"),
            models.Index(fields=["content_type", "object_id"], name="audit_object"),
        ]
        # Only "view": no add, change or delete permission exists to be granted.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.when:%Y-%m-%d %H:%M:%S} {self.get_action_display()} {self.email}".strip()
