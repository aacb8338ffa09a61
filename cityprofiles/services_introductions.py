"""Introductions between cities ("put me in touch with a counterpart"), brokered by the
SCN team.

A member asks; the request waits in the staff's queue in the admin and the other city is
never told by the hub. Staff then introduce the member to a counterpart (both are emailed,
each in their own language, with the other's name, position and email), or decline with a
reason (the member is emailed), and later record what came of it.

Each function is one transaction. Decisions lock the request's row first, so two members
of staff acting at once decide it once. Every decision records who took it and when, and
writes a line in the request's admin history in the site language (the team's record).
"""

from email.utils import parseaddr

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cityprofiles.choices import IntroductionOutcome, IntroductionStatus
from cityprofiles.models import CityProfile, Initiative, IntroductionRequest
from membership.choices import CityStatus, MemberRole
from membership.history import record_in_history
from membership.models import Member, User
from scn_portal.mail import absolute_url, send_in_language

EMAIL_PREFIX = "cityprofiles/email/introduction_"
# What the emails and the history name: read with the request, in the same query.
PEOPLE_AND_PLACES = ("requester__user", "requester__city", "city", "initiative",
                     "counterpart__user", "counterpart__city")  # fmt: skip

HISTORY_MESSAGES = {
    IntroductionStatus.INTRODUCED: _("Introduced to %(counterpart)s."),
    IntroductionStatus.DECLINED: _("Declined. Reason: %(reason)s"),
    "outcome": _("Outcome recorded: %(outcome)s."),
    "outcome_with_notes": _("Outcome recorded: %(outcome)s. Notes: %(notes)s"),
}


class IntroductionNotAllowed(Exception):
    """The request cannot be made: the city is the requester's own, the initiative is not
    one of the city's, or the city's profile is not published."""


def introducible_profiles(user=None):
    """The profiles a member may ask an introduction from: published, of an active member
    city (the other city must still be in the network to be introduced to); among those
    `user` may see, when given."""
    profiles = CityProfile.objects.all() if user is None else CityProfile.objects.visible_to(user)
    return profiles.published().filter(city__status=CityStatus.ACTIVE)


def counterpart_candidates(city):
    """The people of `city` a member can be introduced to: those with access to the hub,
    the point of contact first (the usual choice)."""
    return (
        Member.objects.with_access()
        .filter(city=city)
        .select_related("user", "city")
        .order_by(
            Case(When(role=MemberRole.POINT_OF_CONTACT, then=Value(0)), default=Value(1)),
            "user__last_name",
            "user__first_name",
            "pk",
        )
    )


def default_counterpart(introduction: IntroductionRequest) -> Member | None:
    """Whom staff would usually choose: the current counterpart, else the city's point of
    contact."""
    if introduction.counterpart_id:
        return introduction.counterpart
    return counterpart_candidates(introduction.city_id).points_of_contact().first()


def team_address() -> str:
    """The SCN team's mailbox, for requests waiting in the queue."""
    return parseaddr(settings.SERVER_EMAIL or settings.DEFAULT_FROM_EMAIL)[1]


def request_introduction(
    requester: Member,
    *,
    profile: CityProfile,
    topic: str,
    message: str,
    themes=(),  # membership Theme objects
    initiative: Initiative | None = None,
    language: str = "",
) -> IntroductionRequest:
    """Record `requester`'s request to be put in touch with someone in `profile`'s city,
    tell the SCN team it is waiting (in the site language) and confirm it to the requester
    in their language (their preferred one, else `language`, the page's). The other city
    is not told: the SCN team brokers the introduction.

    Raises IntroductionNotAllowed for the requester's own city, a profile that is not
    published, or an initiative of another city."""
    if not introducible_profiles().filter(pk=profile.pk).exists():
        raise IntroductionNotAllowed("the profile is not published")
    if requester.city_id == profile.city_id:
        raise IntroductionNotAllowed("a member cannot ask to be introduced to their own city")
    if initiative is not None and initiative.profile_id != profile.pk:
        raise IntroductionNotAllowed("the initiative is not one of this city's")
    with transaction.atomic():
        introduction = IntroductionRequest.objects.create(
            requester=requester,
            city=profile.city,
            initiative=initiative,
            topic=topic.strip(),
            message=message.strip(),
        )
        introduction.themes.set(list(themes))
        introduction = _fetch(introduction.pk)
        context = _context(introduction)
        send_in_language(
            f"{EMAIL_PREFIX}waiting",
            {**context, "admin_url": absolute_url(_admin_url(introduction))},
            [team_address()],
            settings.LANGUAGE_CODE,
        )
        user = introduction.requester.user
        send_in_language(
            f"{EMAIL_PREFIX}received",
            context,
            [user.email],
            user.preferred_language or language,
        )
    return introduction


def mark_introduced(introduction: IntroductionRequest, by: User, counterpart: Member) -> bool:
    """Introduce the requester to `counterpart`, a person with access in the requested
    city: both are emailed, each in their own language, with the other's name, position
    and email. Introducing again to the same person does nothing; to another person (the
    first did not answer) writes to both sides again. Returns whether anything changed.

    Raises ValueError when `counterpart` is not someone of that city with access."""
    with transaction.atomic():
        current = _locked(introduction)
        counterpart = counterpart_candidates(current.city_id).filter(pk=counterpart.pk).first()
        if counterpart is None:
            raise ValueError("the counterpart must be a person of the requested city")
        if current.status == IntroductionStatus.INTRODUCED and (
            current.counterpart_id == counterpart.pk
        ):
            return False
        current.counterpart = counterpart
        current.decline_reason = ""
        _decide(current, by, IntroductionStatus.INTRODUCED, "counterpart", "decline_reason")
        _history(by, current, IntroductionStatus.INTRODUCED, counterpart=_person(counterpart.user))
        context = _context(current)
        for recipient, other, side in (
            (current.requester, counterpart, "requester"),
            (counterpart, current.requester, "counterpart"),
        ):
            send_in_language(
                f"{EMAIL_PREFIX}made_{side}",
                {**context, "recipient": recipient, "other": other},
                [recipient.user.email],
                recipient.user.preferred_language,
            )
    _copy_decision(current, introduction)
    return True


def decline_introduction(introduction: IntroductionRequest, by: User, reason: str) -> bool:
    """Decline a request that has not led to an introduction, telling the requester why
    (in their language). Returns False when nothing changed: declined already for the same
    reason, or already introduced (both sides have been written to: too late)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a reason is required to decline an introduction")
    with transaction.atomic():
        current = _locked(introduction)
        if current.status == IntroductionStatus.INTRODUCED or (
            current.status == IntroductionStatus.DECLINED and current.decline_reason == reason
        ):
            return False
        current.decline_reason = reason
        _decide(current, by, IntroductionStatus.DECLINED, "decline_reason")
        _history(by, current, IntroductionStatus.DECLINED, reason=reason)
        user = current.requester.user
        send_in_language(
            f"{EMAIL_PREFIX}declined",
            {**_context(current), "reason": reason},
            [user.email],
            user.preferred_language,
        )
    _copy_decision(current, introduction)
    return True


def record_outcome(introduction: IntroductionRequest, by: User, outcome: str, notes: str) -> bool:
    """Record what came of an introduction (they met, an exchange was held, a practice was
    adopted) with staff's notes. Only an introduction has an outcome. Nobody is emailed.
    Returns False when nothing changed."""
    if outcome not in IntroductionOutcome.values:
        raise ValueError(f"unknown outcome {outcome!r}")
    notes = (notes or "").strip()
    with transaction.atomic():
        current = _locked(introduction)
        if current.status != IntroductionStatus.INTRODUCED:
            raise ValueError("only an introduction has an outcome")
        if (current.outcome, current.outcome_notes) == (outcome, notes):
            return False
        current.outcome = outcome
        current.outcome_notes = notes
        _decide(current, by, current.status, "outcome", "outcome_notes")
        label = IntroductionOutcome(outcome).label
        if notes:
            _history(by, current, "outcome_with_notes", outcome=label, notes=notes)
        else:
            _history(by, current, "outcome", outcome=label)
    _copy_decision(current, introduction)
    return True


# --- helpers ---


def _fetch(pk: int) -> IntroductionRequest:
    return (
        IntroductionRequest.objects.select_related(*PEOPLE_AND_PLACES)
        .prefetch_related("themes")
        .get(pk=pk)
    )


def _locked(introduction: IntroductionRequest) -> IntroductionRequest:
    # Only the request's row is locked; the people and cities joined are read as they are.
    return (
        IntroductionRequest.objects.select_for_update(of=("self",))
        .select_related(*PEOPLE_AND_PLACES)
        .prefetch_related("themes")
        .get(pk=introduction.pk)
    )


def _decide(current: IntroductionRequest, by: User, status: str, *fields: str) -> None:
    current.status = status
    current.decided_by = by
    current.decided_at = timezone.now()
    current.save(update_fields=["status", "decided_by", "decided_at", "updated", *fields])


def _copy_decision(current: IntroductionRequest, introduction: IntroductionRequest) -> None:
    for field in ("status", "counterpart", "decline_reason", "outcome", "outcome_notes",
                  "decided_by", "decided_at", "updated"):  # fmt: skip
        setattr(introduction, field, getattr(current, field))


def _history(by: User, introduction: IntroductionRequest, key: str, **params) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        params = {name: str(value) for name, value in params.items()}
        message = str(HISTORY_MESSAGES[key]) % params
    record_in_history(by, introduction, message)


def _person(user: User) -> str:
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email


def _admin_url(introduction: IntroductionRequest) -> str:
    try:
        return reverse("admin:cityprofiles_introductionrequest_change", args=[introduction.pk])
    except NoReverseMatch:  # the admin of introductions is not registered (yet)
        return reverse("admin:index")


def _context(introduction: IntroductionRequest) -> dict:
    """What every introduction email may name. Themes are passed as objects: each email
    names them in its reader's language (Theme.localized_name, rendered under it)."""
    return {
        "introduction": introduction,
        "requester": introduction.requester,
        "city": introduction.city,
        "initiative": introduction.initiative,
        "themes": list(introduction.themes.all()),
        "my_introductions_url": absolute_url(reverse("cityprofiles:my_introductions")),
    }
