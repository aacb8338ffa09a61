"""Response headers that Django's own settings do not cover.

The Content-Security-Policy, HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy
and X-Frame-Options headers come from Django's middleware and the "Security" section of
settings.py; tests/test_security_headers.py checks all of them on every page.
"""

from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on every response to a logged-in user.

    Member pages show officials' names and material about extremism in their cities: no
    shared proxy may keep them, and neither may the browser's own cache, where the next
    person at a shared computer could open them with the back button after logout.
    A response that chose its own Cache-Control (a download, a city photo) is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
