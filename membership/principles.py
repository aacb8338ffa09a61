"""The principles every member city of the network agrees to (DOMAIN.md).

A city accepts each of them, one by one, when it applies to join: the join form has one
required checkbox per principle, labelled with the sentence below.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Principle:
    """One of the network's principles: a stable key (form field names) and its sentence."""

    key: str
    text: str | Promise

    @property
    def field_name(self) -> str:
        return f"principle_{self.key}"


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        "human_rights",
        _("We respect and protect human rights in all our work to prevent violent extremism."),
    ),
    Principle(
        "no_association",
        _(
            "We never associate violent extremism with any religion, nationality, "
            "civilisation or ethnic group."
        ),
    ),
    Principle(
        "non_discrimination",
        _("We stand against discrimination in all its forms."),
    ),
    Principle(
        "community_partnership",
        _("We work in partnership with our local communities."),
    ),
    Principle(
        "information_sharing",
        _(
            "We share non-sensitive information and experience with the other cities of "
            "the network."
        ),
    ),
    Principle(
        "transparency",
        _("We are transparent about our partners and our funding."),
    ),
)
