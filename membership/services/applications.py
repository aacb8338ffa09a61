"""Cities' applications to join the network: receiving one, and the SCN team's decisions.

Each function is one transaction. Decisions lock the application row first
(select_for_update), so two members of staff clicking at once decide it once.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from audit.choices import AuditAction
from audit.services import record
from membership.choices import ApplicationStatus, CityStatus, Language
from membership.history import record_in_history
from membership.models import City, CityApplication
from membership.reference import unique_city_slug
from scn_portal.mail import absolute_url, send_in_language
from scn_portal.media_integrity import sha256_of

EMAIL_PREFIX = "membership/email/application_"


def _reply_language(language: str) -> str:
    return language if language in Language.values else settings.LANGUAGE_CODE


def submit_application(application: CityApplication, *, language: str) -> CityApplication:
    """Store a new application (its letter still an upload, not yet written to storage)
    and confirm it to the contact person, in `language`.

    The letter is written to storage inside the transaction, under a random name
    (CityApplication.approval_letter's upload_to). If anything fails after that, the row
    is rolled back and the file deleted: no letter is kept without its application.
    Called outside any transaction (the view), so the commit at the end is the real one.
    """
    application.letter_size = application.approval_letter.size
    application.letter_checksum = sha256_of(application.approval_letter)
    application.principles_accepted_at = timezone.now()
    application.language = _reply_language(language)
    application.status = ApplicationStatus.SUBMITTED
    try:
        with transaction.atomic():
            application.save()
            send_in_language(
                f"{EMAIL_PREFIX}received",
                {"application": application},
                [application.contact_email],
                application.language,
            )
    except BaseException:
        _delete_stored_letter(application)
        raise
    return application


def _delete_stored_letter(application: CityApplication) -> None:
    letter = application.approval_letter
    # Only a file this call wrote (`_committed` once in storage): before that, the name is
    # the sender's own file name, which must never be deleted from storage.
    if letter and letter._committed and letter.name:
        letter.storage.delete(letter.name)


def delete_letters_after_commit(names) -> None:
    """Remove the letters of deleted applications from storage, once the deletion has
    committed (a rolled-back deletion keeps its file)."""
    storage = CityApplication._meta.get_field("approval_letter").storage
    names = [name for name in names if name]
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def _locked(application: CityApplication) -> CityApplication:
    # Only the application's row is locked; the joined city and region are read as they are.
    return (
        CityApplication.objects.select_for_update(of=("self",))
        .select_related("city", "region")
        .get(pk=application.pk)
    )


def _record_decision(application, by, status: str, reason: str = "") -> None:
    application.status = status
    application.decision_reason = reason
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save(
        update_fields=["status", "decision_reason", "decided_by", "decided_at", "city", "updated"]
    )


def approve_application(application: CityApplication, by) -> bool:
    """Make the applying city an active member: the city already known to the network
    (application.city, or one of the same name in the same country) is re-activated,
    otherwise a new City is created. Records the decision and welcomes the applicant.

    Returns False (and changes nothing) when the application was already approved.
    """
    with transaction.atomic():
        application = _locked(application)
        if application.status == ApplicationStatus.APPROVED:
            return False
        city = application.city or (
            City.objects.select_for_update()
            .filter(name__iexact=application.city_name, country=application.country)
            .first()
        )
        today = timezone.localdate()
        if city is None:
            city = City.objects.create(
                name=application.city_name,
                slug=unique_city_slug(application.city_name, application.country.code),
                country=application.country,
                region=application.region,
                status=CityStatus.ACTIVE,
                date_joined=today,
            )
        else:
            city.status = CityStatus.ACTIVE
            # A former member keeps the date it first joined.
            city.date_joined = city.date_joined or today
            city.save(update_fields=["status", "date_joined", "updated"])
        application.city = city
        _record_decision(application, by, ApplicationStatus.APPROVED)
        record_in_history(
            by, application, gettext("Approved: %(city)s is an active member.") % {"city": city}
        )
        record(AuditAction.APPLICATION_APPROVED, user=by, obj=application)
        _notify(application, "approved", signup_url=absolute_url(reverse("account_signup")))
    return True


def reject_application(application: CityApplication, by, reason: str) -> bool:
    """Turn the application down, with the reason sent to the applicant.

    An approved application is left alone (returns False): its city is a member, and
    membership ends by suspending the city, not by rejecting its application.
    """
    return _decide_with_reason(application, by, reason, ApplicationStatus.REJECTED, "rejected")


def request_more_information(application: CityApplication, by, reason: str) -> bool:
    """Ask the applicant for more information (what is missing is the reason); they reply
    by email to the member of staff who asked. Not for approved applications."""
    return _decide_with_reason(
        application, by, reason, ApplicationStatus.MORE_INFORMATION, "more_information"
    )


def _decide_with_reason(application, by, reason: str, status: str, email: str) -> bool:
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required for this decision.")
    with transaction.atomic():
        application = _locked(application)
        if application.status == ApplicationStatus.APPROVED:
            return False
        _record_decision(application, by, status, reason)
        record_in_history(
            by,
            application,
            gettext("%(status)s: %(reason)s")
            % {"status": application.get_status_display(), "reason": reason},
        )
        record(
            AuditAction.APPLICATION_REJECTED
            if status == ApplicationStatus.REJECTED
            else AuditAction.APPLICATION_MORE_INFORMATION,
            user=by,
            obj=application,
        )
        _notify(application, email, reply_to=by.email)
    return True


def _notify(application: CityApplication, email: str, **context) -> None:
    send_in_language(
        f"{EMAIL_PREFIX}{email}",
        {"application": application, **context},
        [application.contact_email],
        application.language,
    )
