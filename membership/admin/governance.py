"""Admin of the governance records: Steering Committee seats, the Regional Advisory Groups
and their members, the thematic working groups.

The caps (25 seats, 8 members of a group, 3 of them also on the Steering Committee) live in
the models' clean(), which the admin's forms call: a breach is a form error. An inline
formset saves several rows at once, and each row's clean() only sees the rows already in the
database, so AdvisoryGroupMembershipFormSet checks the group as it will be once every row of
the formset is saved.
"""

import datetime

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from membership.models import (
    AdvisoryGroup,
    AdvisoryGroupMembership,
    SteeringCommitteeSeat,
    WorkingGroup,
    WorkingGroupMembership,
)

Period = tuple[datetime.date, datetime.date | None]


def most_at_once(periods: list[Period]) -> int:
    """The largest number of `periods` (start, end or None) running on the same day. The
    count only rises on a day a period starts, so those days are the only ones to look at."""

    def running_on(day):
        return sum(1 for start, end in periods if start <= day and (end is None or end >= day))

    return max((running_on(start) for start, __ in periods), default=0)


def overlap(first: Period, second: Period) -> bool:
    (first_start, first_end), (second_start, second_end) = first, second
    return (first_end is None or first_end >= second_start) and (
        second_end is None or second_end >= first_start
    )


class CurrentTermFilter(admin.SimpleListFilter):
    """Terms running today, ended, or yet to start."""

    title = _("current")
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("yes", _("Current")), ("past", _("Ended")), ("future", _("Not started yet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.current()
        if self.value() == "past":
            return queryset.past()
        if self.value() == "future":
            return queryset.filter(term_start__gt=timezone.localdate())
        return queryset


class TermYearFilter(admin.SimpleListFilter):
    """Terms running at some point of a calendar year."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        """From next year back to the year of the earliest term."""
        today = timezone.localdate()
        earliest = model_admin.model.objects.aggregate(earliest=Min("term_start"))["earliest"]
        first_year = earliest.year if earliest else today.year
        return [(str(year), str(year)) for year in range(today.year + 1, first_year - 1, -1)]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        year = int(self.value())
        return queryset.overlapping(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


@admin.register(SteeringCommitteeSeat)
class SteeringCommitteeSeatAdmin(admin.ModelAdmin):
    list_display = ["city", "role", "term_start", "term_end", "is_current"]
    list_filter = ["role", CurrentTermFilter, TermYearFilter]
    list_select_related = ["city"]
    search_fields = ["city__name", "note"]
    autocomplete_fields = ["city"]

    @admin.display(description=_("current"), boolean=True)
    def is_current(self, seat):
        return seat.is_current


class AdvisoryGroupMembershipFormSet(BaseInlineFormSet):
    """Checks the caps over the group as saved: the rows of this formset (new, edited, not
    deleted) together with the group's other rows in the database."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return  # each row's own errors first
        group = self.instance
        kept = []
        edited_pks = set()
        for form in self.forms:
            if form.instance.pk:
                edited_pks.add(form.instance.pk)
            if not form.cleaned_data or self._should_delete_form(form):
                continue
            kept.append(form.instance)
        errors = []
        for row in kept:
            # Rows of a group being created skipped this in their clean() (no group id yet).
            member = row.member
            if group.region_id and member.city.region_id != group.region_id:
                errors.append(
                    ValidationError(
                        _("%(member)s is not from a city of the group's region.")
                        % {"member": member.user}
                    )
                )
        rows = [
            (row.term_start, row.term_end, row.member_id, row.on_steering_committee) for row in kept
        ]
        if group.pk:
            rows += list(
                AdvisoryGroupMembership.objects.filter(group=group)
                .exclude(pk__in=edited_pks)
                .values_list("term_start", "term_end", "member_id", "on_steering_committee")
            )
        if most_at_once([(start, end) for start, end, *__ in rows]) > AdvisoryGroup.MAX_ACTIVE:
            errors.append(
                ValidationError(
                    _("The group would have more than %(cap)d members during this term.")
                    % {"cap": AdvisoryGroup.MAX_ACTIVE}
                )
            )
        flagged = [(start, end) for start, end, __, on_committee in rows if on_committee]
        if most_at_once(flagged) > AdvisoryGroup.MAX_ON_STEERING_COMMITTEE:
            errors.append(
                ValidationError(
                    _("At most %(cap)d members of a group also serve on the Steering Committee.")
                    % {"cap": AdvisoryGroup.MAX_ON_STEERING_COMMITTEE}
                )
            )
        for index, (start, end, member_id, __) in enumerate(rows):
            if any(
                other_member == member_id and overlap((start, end), (other_start, other_end))
                for other_start, other_end, other_member, __ in rows[index + 1 :]
            ):
                errors.append(
                    ValidationError(_("This person is already on the group during this term."))
                )
                break
        if errors:
            raise ValidationError(errors)


class AdvisoryGroupMembershipInline(admin.TabularInline):
    model = AdvisoryGroupMembership
    formset = AdvisoryGroupMembershipFormSet
    autocomplete_fields = ["member"]
    fields = ["member", "term_start", "term_end", "on_steering_committee"]
    extra = 0


@admin.register(AdvisoryGroup)
class AdvisoryGroupAdmin(admin.ModelAdmin):
    list_display = ["region", "current_members"]
    list_select_related = ["region"]
    search_fields = ["region__name", "region__name_fr", "region__name_ar"]
    autocomplete_fields = ["region"]
    inlines = [AdvisoryGroupMembershipInline]

    def get_queryset(self, request):
        today = timezone.localdate()
        running = Q(memberships__term_start__lte=today) & (
            Q(memberships__term_end__isnull=True) | Q(memberships__term_end__gte=today)
        )
        current_count = Count("memberships", filter=running)
        return super().get_queryset(request).annotate(current_count=current_count)

    @admin.display(description=_("current members"), ordering="current_count")
    def current_members(self, group):
        return _("%(count)d of %(cap)d") % {
            "count": group.current_count,
            "cap": AdvisoryGroup.MAX_ACTIVE,
        }


class WorkingGroupMembershipInline(admin.TabularInline):
    model = WorkingGroupMembership
    autocomplete_fields = ["member"]
    fields = ["member", "role", "joined"]
    readonly_fields = ["joined"]
    extra = 0


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "member_count", "created"]
    search_fields = ["name", "description"]
    list_filter = ["themes"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "themes"]
    inlines = [WorkingGroupMembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, group):
        return group.member_count


class SteeringCommitteeFilter(admin.SimpleListFilter):
    """For the City admin: cities holding a seat today, ever, or never."""

    title = _("Steering Committee")
    parameter_name = "steering_committee"

    def lookups(self, request, model_admin):
        return [
            ("current", _("Current seat")),
            ("ever", _("Ever held a seat")),
            ("never", _("Never held a seat")),
        ]

    def queryset(self, request, queryset):
        seats = SteeringCommitteeSeat.objects.filter(city=OuterRef("pk"))
        if self.value() == "current":
            return queryset.filter(Exists(seats.current()))
        if self.value() == "ever":
            return queryset.filter(Exists(seats))
        if self.value() == "never":
            return queryset.filter(~Exists(seats))
        return queryset
