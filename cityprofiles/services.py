"""Writes of the city profiles, and what a profile's completeness is.

Views and the admin validate input, then call one of these. Every write runs in one
transaction with the profile's row locked, records a ProfileChange (who, when, a summary
and {field: [before, after]}; themes and documents as lists of names) and keeps the
profile's stored completeness (used to sort the directory and to answer the "city profile
completed" member expectation) up to date.

Summaries are written in the site language, whoever made the change: the history is the
SCN team's record (as in library.contributions).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from audit.choices import AuditAction
from audit.services import record
from cityprofiles.models import CityProfile, Initiative, ProfileChange
from membership.choices import CityStatus, MemberStatus
from membership.models import (
    AdvisoryGroupMembership,
    City,
    Member,
    SteeringCommitteeSeat,
)
from scn_portal.kept import kept_until_changed
from scn_portal.media_integrity import sha256_of

# The profile's own fields a form or the admin may change (photo and themes apart).
PROFILE_FIELDS = ("challenges", "approach", "population", "languages", "photo_description")
INITIATIVE_FIELDS = ("title", "description", "partners", "start_year", "status")

SUMMARIES = {
    "created": _("Profile created."),
    "edited": _("Changed: %(fields)s."),
    "published": _("Published."),
    "unpublished": _("Unpublished: back to draft."),
    "initiative_added": _("Initiative added: %(title)s."),
    "initiative_changed": _("Initiative changed: %(title)s (%(fields)s)."),
    "initiative_deleted": _("Initiative deleted: %(title)s."),
}


# --- completeness ---


@dataclass(frozen=True)
class Section:
    """One part of a profile that counts towards its completeness."""

    key: str
    label: Promise


# "Point of contact nominated" is deliberately not a section: it is a member expectation
# of its own (membership.expectations), decided by the SCN team's approval of a person,
# not something the profile's editors can fill in. Counting it here would count it twice
# in the expectations and keep a well-written profile below 100% for a reason its
# editors cannot act on from the profile.
SECTIONS = (
    Section("challenges", _("Core challenges")),
    Section("approach", _("Approach and strategy")),
    Section("initiatives", _("At least one initiative")),
    Section("population", _("Population")),
    Section("languages", _("Languages")),
    Section("photo", _("Photo or logo")),
    Section("expertise", _("At least one theme of expertise")),
)


# The lists a page may have prefetched the relations into (Prefetch to_attr).
PREFETCHED_LISTS = {"initiatives": "initiative_list", "expertise": "expertise_list"}


def _has_any(profile: CityProfile, relation: str) -> bool:
    """Whether the profile has any initiative / theme: from the rows a page prefetched
    when it did, with one EXISTS query otherwise."""
    if profile.pk is None:
        return False
    prefetched = getattr(profile, PREFETCHED_LISTS[relation], None)
    if prefetched is not None:
        return bool(prefetched)
    manager = getattr(profile, relation)
    if relation in getattr(profile, "_prefetched_objects_cache", {}):
        return bool(manager.all())
    return manager.exists()


def _section_done(profile: CityProfile, key: str) -> bool:
    if key in ("challenges", "approach", "languages"):
        return bool(getattr(profile, key).strip())
    if key == "population":
        return profile.population is not None
    if key == "photo":
        return bool(profile.photo)
    return _has_any(profile, key)


def completeness(profile: CityProfile) -> tuple[int, list[tuple[Promise, bool]]]:
    """(percent of the sections filled in, [(section label, filled in?)] in page order)."""
    checklist = [(section.label, _section_done(profile, section.key)) for section in SECTIONS]
    done = sum(1 for __, filled in checklist if filled)
    return round(100 * done / len(SECTIONS)), checklist


def _refresh_completeness(profile: CityProfile) -> None:
    percent, __ = completeness(profile)
    profile.completeness = percent
    # `updated` too: a new initiative is a change of the profile for its readers.
    profile.save(update_fields=["completeness", "updated"])


def completed_profile_cities(cities) -> Iterable[int]:
    """The "profile_completed" member expectation (registered in CityProfilesConfig.ready):
    ids of `cities` whose profile is published and 100% complete."""
    return (
        CityProfile.objects.published()
        .filter(completeness=100, city__in=cities)
        .values_list("city_id", flat=True)
    )


# --- reading helpers shared by the views ---


def cities_editable_by(user):
    """The active member cities whose profile `user` may create: all for staff, their own
    for a city's approved editor or point of contact, none for anyone else. (An existing
    profile is edited through CityProfile.objects.editable_by.)"""
    cities = City.objects.active()
    if user.is_staff:
        return cities
    member = getattr(user, "member", None)
    if member is None or not member.approved or not member.is_city_editor:
        return cities.none()
    return cities.filter(pk=member.city_id)


def point_of_contact(city: City) -> Member | None:
    return Member.objects.points_of_contact().filter(city=city).select_related("user").first()


# Who represents a city (its point of contact, its Steering Committee seat, its members of
# the Regional Advisory Group): the same for every reader, kept per city and day (terms
# begin and end) until one of those rows or a person's name changes (receivers in
# cityprofiles.apps).
GOVERNANCE_TOPIC = "city-governance"


@dataclass
class CityGovernance:
    point_of_contact: Member | None
    steering_seat: SteeringCommitteeSeat | None
    advisory_roles: list[AdvisoryGroupMembership]


def city_governance(city: City) -> CityGovernance:
    def look_up() -> CityGovernance:
        return CityGovernance(
            point_of_contact=point_of_contact(city),
            steering_seat=SteeringCommitteeSeat.objects.current().filter(city=city).first(),
            advisory_roles=list(
                AdvisoryGroupMembership.objects.current()
                .filter(member__city=city, member__status=MemberStatus.APPROVED)
                .select_related("member__user", "group__region")
            ),
        )

    name = f"governance:{timezone.localdate().isoformat()}:{city.pk}"
    return kept_until_changed(GOVERNANCE_TOPIC, name, look_up)


def last_change(profile: CityProfile) -> ProfileChange | None:
    return profile.changes.select_related("user").first()


def city_events_html(city: City, shown: int) -> str:
    """The events section of the city's profile page: the `shown` newest events it hosted,
    visited or took part in, and a link to the others (events.cards.city_events_html,
    kept until an event changes). Imported here, when called: the events app depends on
    membership, and cityprofiles only on this one function of it."""
    from events.cards import city_events_html as events_section

    return events_section(city, shown)


# --- history ---


def _summary(key: str, **params) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return Truncator(str(SUMMARIES[key]) % params).chars(300)


def _field_labels(model, names: Iterable[str]) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return ", ".join(str(model._meta.get_field(name).verbose_name) for name in names)


def _record(profile: CityProfile, by, summary: str, changes: dict, *,
            initiative: Initiative | None = None) -> ProfileChange:  # fmt: skip
    """Note a change in the profile's history, and in the audit log (which field names
    changed only: the values stay in the profile's own history)."""
    if initiative is None:
        record(AuditAction.PROFILE_EDITED, user=by, obj=profile, details={"summary": summary})
    else:
        record(
            AuditAction.INITIATIVE_CHANGED,
            user=by,
            obj=initiative if initiative.pk else profile,
            object_repr=initiative.title,
            details={"summary": summary, "profile": profile.pk},
        )
    return ProfileChange.objects.create(
        profile=profile, user=by if by and by.pk else None, summary=summary, changes=changes
    )


def _differences(before: dict, after: dict) -> dict:
    """{field: [before, after]} for the fields whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def _theme_names(themes) -> list[str]:
    return sorted(theme.name for theme in themes)


def profile_snapshot(profile: CityProfile) -> dict:
    """The profile's content as JSON-ready values, for the history."""
    values = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    values["photo"] = profile.photo.name or ""
    values["expertise"] = _theme_names(profile.expertise.all()) if profile.pk else []
    return values


def initiative_snapshot(initiative: Initiative) -> dict:
    values = {name: getattr(initiative, name) for name in INITIATIVE_FIELDS}
    if initiative.pk:
        values["themes"] = _theme_names(initiative.themes.all())
        values["documents"] = sorted(document.title for document in initiative.documents.all())
    else:
        values["themes"], values["documents"] = [], []
    return values


# --- writes ---


def get_or_create_profile(city: City, by=None) -> CityProfile:
    """The city's profile, created as a draft (and noted in its history) if it has none.
    Only active member cities have profiles."""
    if city.status != CityStatus.ACTIVE:
        raise ValueError("only active member cities have a profile")
    with transaction.atomic():
        profile, created = CityProfile.objects.get_or_create(city=city)
        if created:
            _record(profile, by, _summary("created"), {})
    return profile


def _photo_storage():
    return CityProfile._meta.get_field("photo").storage


def _delete_after_commit(name: str) -> None:
    if name:
        storage = _photo_storage()
        transaction.on_commit(lambda: storage.delete(name))


def delete_photo_file(sender, instance: CityProfile, **kwargs) -> None:
    """post_delete receiver (connected in CityProfilesConfig.ready): a deleted profile
    leaves no photo behind, whatever deleted it (the admin, a cascade); after commit only,
    so a deletion that is rolled back keeps its file."""
    _delete_after_commit(instance.photo.name or "")


def save_profile(profile: CityProfile, by, *, photo=None, remove_photo: bool = False,
                 expertise=None, **fields) -> CityProfile:  # fmt: skip
    """Change a profile's content as `by` did: any of PROFILE_FIELDS, `expertise` (themes,
    replacing the current ones) and the photo (`photo`: a file already cleaned by
    cityprofiles.images.clean_photo; or `remove_photo`). An unsaved `profile` (a city
    without one yet) is created first.

    Returns the profile as saved. Nothing is written when nothing changes. The new photo is
    written under a random name inside the transaction and deleted if it fails; the
    replaced one is deleted once the change has committed."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    if profile.pk is None:
        profile = get_or_create_profile(profile.city, by)
    new_photo = ""
    try:
        with transaction.atomic():
            current = CityProfile.objects.select_for_update().get(pk=profile.pk)
            before = profile_snapshot(current)
            for name, value in fields.items():
                setattr(current, name, value)
            old_photo = current.photo.name or ""
            if photo is not None:
                current.photo.save(photo.name, photo, save=False)
                current.photo_checksum = sha256_of(photo)  # for `manage.py check_media`
                new_photo = current.photo.name
            elif remove_photo:
                current.photo = ""
                current.photo_checksum = ""
            after = {name: getattr(current, name) for name in PROFILE_FIELDS}
            after["photo"] = current.photo.name or ""
            after["expertise"] = (
                before["expertise"] if expertise is None else _theme_names(expertise)
            )
            changes = _differences(before, after)
            if not changes:
                return current
            current.save()
            if "expertise" in changes:
                current.expertise.set(list(expertise))
            if "photo" in changes:
                _delete_after_commit(old_photo)
            _record(
                current,
                by,
                _summary("edited", fields=_field_labels(CityProfile, changes)),
                changes,
            )
            _refresh_completeness(current)
    except BaseException:
        if new_photo:
            _photo_storage().delete(new_photo)
        raise
    return current


def _set_published(profile: CityProfile, by, published: bool) -> bool:
    with transaction.atomic():
        current = CityProfile.objects.select_for_update().get(pk=profile.pk)
        if current.published == published:
            return False
        current.published = published
        current.save(update_fields=["published", "updated"])
        _record(
            current,
            by,
            _summary("published" if published else "unpublished"),
            {"published": [not published, published]},
        )
    profile.published = published
    profile.updated = current.updated
    return True


def publish(profile: CityProfile, by) -> bool:
    """Make the profile visible to every member. False if it already was."""
    return _set_published(profile, by, True)


def unpublish(profile: CityProfile, by) -> bool:
    """Take the profile back to a draft only its editors and staff see. False if it was."""
    return _set_published(profile, by, False)


def save_initiative(profile: CityProfile, by, initiative: Initiative | None = None, *,
                    themes=None, documents=None, **fields) -> Initiative:  # fmt: skip
    """Add an initiative to `profile` (initiative None) or change one of its initiatives:
    any of INITIATIVE_FIELDS, `themes` and linked library `documents` (each replacing the
    current ones when given). New initiatives come last. Returns the initiative as saved."""
    unknown = set(fields) - set(INITIATIVE_FIELDS)
    if unknown:
        raise TypeError(f"not initiative fields: {sorted(unknown)}")
    with transaction.atomic():
        current_profile = CityProfile.objects.select_for_update().get(pk=profile.pk)
        if initiative is None:
            last = current_profile.initiatives.aggregate(last=Max("position"))["last"]
            current = Initiative(profile=current_profile, position=0 if last is None else last + 1)
        else:
            current = Initiative.objects.get(pk=initiative.pk, profile=current_profile)
        before = initiative_snapshot(current)
        for name, value in fields.items():
            setattr(current, name, value)
        after = {name: getattr(current, name) for name in INITIATIVE_FIELDS}
        after["themes"] = before["themes"] if themes is None else _theme_names(themes)
        after["documents"] = (
            before["documents"]
            if documents is None
            else sorted(document.title for document in documents)
        )
        changes = _differences(before, after)
        adding = current.pk is None
        if not adding and not changes:
            return current
        current.save()
        if themes is not None:
            current.themes.set(list(themes))
        if documents is not None:
            current.documents.set(list(documents))
        if adding:
            summary = _summary("initiative_added", title=current.title)
        else:
            summary = _summary(
                "initiative_changed",
                title=current.title,
                fields=_field_labels(Initiative, changes),
            )
        _record(current_profile, by, summary, changes, initiative=current)
        _refresh_completeness(current_profile)
    return current


def delete_initiative(initiative: Initiative, by) -> bool:
    """Remove an initiative from its profile. False if it was already gone."""
    with transaction.atomic():
        current_profile = CityProfile.objects.select_for_update().get(pk=initiative.profile_id)
        current = current_profile.initiatives.filter(pk=initiative.pk).first()
        if current is None:
            return False
        before = initiative_snapshot(current)
        current.delete()
        _record(
            current_profile,
            by,
            _summary("initiative_deleted", title=before["title"]),
            {name: [value, None] for name, value in before.items()},
            initiative=current,
        )
        _refresh_completeness(current_profile)
    return True
