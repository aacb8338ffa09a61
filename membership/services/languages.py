"""The interface language a person chose."""

from membership.models import User


def remember_language(user: User, language: str) -> None:
    """Record the interface language a person chose, so their later logins, on any device,
    open in it (see membership.adapter.AccountAdapter.post_login)."""
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
