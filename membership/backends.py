from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model


class MemberAuthenticationBackend(AuthenticationBackend):
    """allauth's backend, loading the member record and city with the user.

    The gate checks membership on every request; fetching them with the session's
    user saves one query per page.
    """

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("member__city").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
