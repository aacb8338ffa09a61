"""Labels of choice fields, read from a dictionary built once per field.

Django's get_FOO_display() rebuilds a dictionary of every choice at each call, hashing
each lazily translated label, which translates it: a page listing twenty documents with
their language (38 choices), type and file type translated some 1,000 labels to show 60.
With this mixin a label is looked up by its value and translated only when shown.
"""

from django.db import models
from django.utils.encoding import force_str

_LABELS_ATTRIBUTE = "_scn_choice_labels"


def choice_labels(field: models.Field) -> dict:
    """{value: label} of `field`'s choices, built on first use and kept on the field."""
    labels = field.__dict__.get(_LABELS_ATTRIBUTE)
    if labels is None:
        labels = dict(field.flatchoices)
        field.__dict__[_LABELS_ATTRIBUTE] = labels
    return labels


class ChoiceLabelsMixin(models.Model):
    """Makes every get_FOO_display() of the model a dictionary lookup."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        try:
            label = choice_labels(field).get(value, value)
        except TypeError:  # an unhashable value (a list, say) is never a choice
            label = value
        return force_str(label, strings_only=True)
