"""Terms of office (a start date, an end date or none while it runs) and seat caps.

The Steering Committee has at most 25 seats and each Regional Advisory Group at most 8
members *at any date*: a cap on how many terms overlap, not on rows ever created.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TermQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(Q(term_end__isnull=True) | Q(term_end__gte=day), term_start__lte=day)

    def current(self):
        return self.active_on(timezone.localdate())

    def past(self):
        return self.filter(term_end__lt=timezone.localdate())

    def overlapping(self, start: datetime.date, end: datetime.date | None):
        """Terms sharing at least one day with [start, end] (end None: open-ended)."""
        terms = self.filter(Q(term_end__isnull=True) | Q(term_end__gte=start))
        return terms if end is None else terms.filter(term_start__lte=end)


class Term(models.Model):
    """A period of office: from term_start to term_end, both included; open while no end."""

    term_start = models.DateField(_("term start"))
    term_end = models.DateField(
        _("term end"), null=True, blank=True, help_text=_("Empty while the term runs.")
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("A term cannot end before it starts.")})

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.term_start <= today and (self.term_end is None or self.term_end >= today)


def most_at_once(terms, start: datetime.date, end: datetime.date | None) -> int:
    """The largest number of `terms` (a queryset of Term rows) active on the same day
    within [start, end]. The count only rises on the day a term starts, so it is enough to
    look at `start` and at the start days of the terms that begin inside the period."""
    overlapping = list(terms.overlapping(start, end).values_list("term_start", "term_end"))
    days = {start} | {term_start for term_start, __ in overlapping if term_start > start}

    def active_on(day):
        return sum(
            1
            for term_start, term_end in overlapping
            if term_start <= day and (term_end is None or term_end >= day)
        )

    return max((active_on(day) for day in days), default=0)
