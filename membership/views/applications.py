"""The public "Join the network" form, open to anyone without an account."""

from allauth.core import ratelimit
from django.contrib import messages
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from membership.forms.applications import CityApplicationForm
from membership.services.applications import submit_application

# ACCOUNT_RATE_LIMITS["city_application"] in settings: every submission counts, valid or
# not, since checking a letter costs the server a PDF parse.
RATE_LIMIT_ACTION = "city_application"


class JoinNetworkView(FormView):
    """A city, municipality or region applies to join, with its letter of approval."""

    template_name = "membership/join.html"
    form_class = CityApplicationForm
    success_url = reverse_lazy("membership:join_done")

    def post(self, request, *args, **kwargs):
        if not ratelimit.consume(request, action=RATE_LIMIT_ACTION):
            messages.error(
                request,
                _("Too many applications have been sent from your network recently. "
                  "Please try again in an hour."),
            )  # fmt: skip
            # What was typed is shown again (the letter aside), nothing is checked or kept.
            form = self.get_form_class()(initial=request.POST.dict())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        application = submit_application(form.save(commit=False), language=get_language())
        messages.success(
            self.request,
            _("The application of %(city)s has been sent.") % {"city": application.city_name},
        )
        return super().form_valid(form)


class JoinThanksView(TemplateView):
    """What happens after a city has applied."""

    template_name = "membership/join_done.html"
