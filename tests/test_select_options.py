"""The options of filter selects, built in Python (scn_portal.templatetags.portal)."""

from django import forms

from membership.models import City
from scn_portal.forms import options_html
from scn_portal.templatetags.portal import checkbox_options, select_options


class MenuForm(forms.Form):
    city = forms.ChoiceField(choices=[("", "Any city"), ("a&b", "Tom & <Jerry>"), ("x", "X")])


def test_options_are_escaped_and_the_value_selected():
    options = select_options(MenuForm({"city": "a&b"})["city"])
    assert options == (
        '<option value="">Any city</option>'
        '<option value="a&amp;b" selected>Tom &amp; &lt;Jerry&gt;</option>'
        '<option value="x">X</option>'
    )


def test_options_kept_drawn_follow_the_empty_choice_with_the_value_selected():
    class CityForm(forms.Form):
        city = forms.ModelChoiceField(queryset=City.objects.none(), empty_label="Any city")

    form = CityForm({"city": "b&c"})
    form.fields["city"].options_html = options_html([("a", "A"), ("b&c", "B & C")])
    assert select_options(form["city"]) == (
        '<option value="">Any city</option><option value="a">A</option>'
        '<option value="b&amp;c" selected>B &amp; C</option>'
    )


class ThemesForm(forms.Form):
    theme = forms.MultipleChoiceField(
        choices=[("youth", "Youth & <schools>"), ("policing", "Policing")],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )


def test_checkboxes_are_escaped_ticked_and_numbered_as_django_does():
    boxes = checkbox_options(ThemesForm({"theme": ["policing"]})["theme"])
    assert boxes == (
        '<div class="col"><div class="form-check"><input type="checkbox" name="theme" '
        'value="youth" class="form-check-input" id="id_theme_0">'
        '<label class="form-check-label" for="id_theme_0">Youth &amp; &lt;schools&gt;</label>'
        "</div></div>"
        '<div class="col"><div class="form-check"><input type="checkbox" name="theme" '
        'value="policing" class="form-check-input" id="id_theme_1" checked>'
        '<label class="form-check-label" for="id_theme_1">Policing</label></div></div>'
    )
