"""allauth hooks of the hub."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from scn_portal.languages import set_language_cookie


class AccountAdapter(DefaultAccountAdapter):
    def post_login(self, request, user, **kwargs):
        """After a login, switch to the language the person chose last time, wherever they
        chose it; someone who never chose keeps the browser's language."""
        response = super().post_login(request, user, **kwargs)
        if user.preferred_language:
            translation.activate(user.preferred_language)
            set_language_cookie(response, user.preferred_language)
        return response
