from django.urls import reverse

from membership.access import has_member_access
from scn_portal.navigation import AREAS


def portal(request):
    """What base.html needs on every page: whether the user is a member, and the areas
    of the main navigation (only for members) with the one being visited marked."""
    user = getattr(request, "user", None)
    member_access = user is not None and has_member_access(user)
    navigation = []
    if member_access:
        for area in AREAS:
            url = reverse(area.url_name)
            navigation.append({"area": area, "url": url, "current": request.path.startswith(url)})
    return {"member_access": member_access, "navigation": navigation}
