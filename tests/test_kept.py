"""Values kept until their data changes (scn_portal.kept), and the directory's map kept
with it: drawn once, drawn again as soon as a city or profile changes."""

from django.core.cache import cache
from django.urls import reverse

from cityprofiles.models import CityProfile
from membership.models import City, Theme
from scn_portal.kept import forget, kept_until_changed
from tests.test_city_map import network  # noqa: F401 - the reference network fixture


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_value_is_computed_once_then_read(db):
    compute = Counter()
    assert kept_until_changed("topic", "name", compute) == "value 1"
    assert kept_until_changed("topic", "name", compute) == "value 1"
    assert compute.calls == 1


def test_forgetting_a_topic_computes_its_values_again(db):
    compute, other = Counter(), Counter()
    kept_until_changed("topic", "name", compute)
    kept_until_changed("other-topic", "name", other)
    forget("topic")
    assert kept_until_changed("topic", "name", compute) == "value 2"
    assert kept_until_changed("other-topic", "name", other) == "value 1"


def test_a_lost_generation_never_serves_an_old_value(db):
    compute = Counter()
    kept_until_changed("topic", "name", compute)
    cache.delete("generation:topic")  # evicted by the cache, say
    assert kept_until_changed("topic", "name", compute) == "value 2"


def test_names_are_kept_apart(db):
    assert kept_until_changed("topic", "en", lambda: "English") == "English"
    assert kept_until_changed("topic", "fr", lambda: "Français") == "Français"
    assert kept_until_changed("topic", "en", lambda: "again") == "English"


def test_the_map_follows_a_newly_published_profile_at_once(client_as, network):  # noqa: F811
    client = client_as("member")
    aarhus = City.objects.get(name="Aarhus")
    link = f'href="{reverse("cityprofiles:profile", args=[aarhus.slug])}"'
    assert link not in client.get(reverse("cityprofiles:index")).content.decode()
    profile = CityProfile.objects.create(city=aarhus, published=False)
    assert link not in client.get(reverse("cityprofiles:index")).content.decode()
    profile.published = True
    profile.save()
    assert link in client.get(reverse("cityprofiles:index")).content.decode()


def test_the_map_is_kept_per_language(client_as, network):  # noqa: F811
    client = client_as("member")
    english = client.get(reverse("cityprofiles:index")).content.decode()
    client.cookies.load({"django_language": "fr"})
    french = client.get(reverse("cityprofiles:index"), HTTP_ACCEPT_LANGUAGE="fr").content
    assert "World map of the member cities" in english
    assert "World map of the member cities" not in french.decode()


def test_the_events_city_menu_follows_a_new_event_and_keeps_the_choice(client_as):
    from tests.event_factories import EventFactory
    from tests.factories import CityFactory

    client = client_as("member")
    first = EventFactory(host_city=CityFactory(name="Aarhus"))
    page = client.get(reverse("events:index")).content.decode()
    assert f'<option value="{first.host_city.slug}">Aarhus</option>' in page
    second = EventFactory(host_city=CityFactory(name="Mombasa"), title="Mombasa workshop")
    page = client.get(reverse("events:index"), {"city": second.host_city.slug}).content.decode()
    assert f'<option value="{second.host_city.slug}" selected>Mombasa</option>' in page
    assert f'<option value="{first.host_city.slug}">Aarhus</option>' in page


def test_an_unknown_city_in_the_events_menu_is_explained(client_as):
    response = client_as("member").get(reverse("events:index"), {"city": "atlantis"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_directory_lists_a_newly_published_profile_at_once(client_as, network):  # noqa: F811
    client = client_as("member")
    aarhus = City.objects.get(name="Aarhus")
    card = '">Aarhus</a></h3>'
    assert card not in client.get(reverse("cityprofiles:index")).content.decode()
    CityProfile.objects.create(city=aarhus, published=True)
    assert card in client.get(reverse("cityprofiles:index")).content.decode()


def test_the_directory_keeps_each_page_of_a_search_apart(client_as, network):  # noqa: F811
    client = client_as("member")
    for city in City.objects.order_by("name")[:30]:
        CityProfile.objects.create(city=city, published=True)
    first = client.get(reverse("cityprofiles:index")).content.decode()
    second = client.get(reverse("cityprofiles:index"), {"page": 2}).content.decode()
    assert first.count('<li class="directory-card') == 24
    assert second.count('<li class="directory-card') == 6
    assert client.get(reverse("cityprofiles:index"), {"page": 3}).status_code == 404


def test_event_cards_mark_the_selected_themes_and_follow_a_changed_event(client_as):
    from tests.event_factories import EventFactory

    client = client_as("member")
    youth = Theme.objects.create(name="Youth engagement", slug="youth-engagement")
    event = EventFactory(title="Mentoring workshop")
    event.themes.add(youth)
    plain = client.get(reverse("events:index")).content.decode()
    assert "Selected theme:" not in plain
    marked = client.get(reverse("events:index"), {"theme": "youth-engagement"})
    assert "Selected theme:" in marked.content.decode()
    event.title = "Mentoring workshop, renamed"
    event.save()
    assert "Mentoring workshop, renamed" in client.get(reverse("events:index")).content.decode()


def test_an_event_page_links_a_city_as_soon_as_its_profile_is_published(client_as):
    from tests.event_factories import EventFactory
    from tests.factories import CityFactory

    client = client_as("member")
    city = CityFactory(name="Mombasa")
    event = EventFactory(host_city=city)
    profile_link = f'href="{reverse("cityprofiles:profile", args=[city.slug])}"'
    assert profile_link not in client.get(event.get_absolute_url()).content.decode()
    CityProfile.objects.create(city=city, published=True)
    assert profile_link in client.get(event.get_absolute_url()).content.decode()


def test_the_events_list_shows_a_new_event_at_once_and_pages_stay_apart(client_as):
    from tests.event_factories import EventFactory

    client = client_as("member")
    for number in range(21):
        EventFactory(title=f"Workshop {number:02}")
    first = client.get(reverse("events:index"))
    second = client.get(reverse("events:index"), {"page": 2})
    assert len(first.context["events"]) == 20 and len(second.context["events"]) == 1
    assert not {event.pk for event in first.context["events"]} & {
        event.pk for event in second.context["events"]
    }
    EventFactory(title="Just announced")
    assert client.get(reverse("events:index")).context["paginator"].count == 22
    assert client.get(reverse("events:index"), {"page": 3}).status_code == 404


def test_a_city_profile_shows_a_new_event_of_the_city_at_once(client_as, city_a):
    from tests.event_factories import EventFactory

    CityProfile.objects.create(city=city_a, published=True)
    client = client_as("member")
    url = reverse("cityprofiles:profile", args=[city_a.slug])
    assert "Regional workshop" not in client.get(url).content.decode()
    EventFactory(title="Regional workshop", host_city=city_a)
    assert "Regional workshop" in client.get(url).content.decode()


def test_a_city_profile_shows_a_new_point_of_contact_and_a_renamed_one_at_once(client_as, city_a):
    from membership.choices import MemberRole
    from tests.factories import MemberFactory

    CityProfile.objects.create(city=city_a, published=True)
    client = client_as("member")
    url = reverse("cityprofiles:profile", args=[city_a.slug])
    assert "Amina Diallo" not in client.get(url).content.decode()
    contact = MemberFactory(city=city_a, role=MemberRole.POINT_OF_CONTACT)
    contact.user.first_name, contact.user.last_name = "Amina", "Diallo"
    contact.user.save()
    assert "Amina Diallo" in client.get(url).content.decode()
    contact.user.last_name = "Diallo-Sow"
    contact.user.save()
    assert "Amina Diallo-Sow" in client.get(url).content.decode()
