"""Certificates of completed modules: the member's own PDF, and the page where anyone
with hub access (members, staff) checks a certificate's verification code."""

import time

from django import forms
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from library.views.downloads import attachment_header
from training.certificates import certificate_pdf
from training.models import Enrolment
from training.services import normalise_certificate_code

# Codes have 31**12 values, so guessing one is hopeless anyway; the limit only keeps a
# script from hammering the verification page. Unknown codes, per user and per minute.
FAILED_CHECKS_PER_MINUTE = 30
# A code is 14 characters; allow generous spacing, refuse essays before normalising.
CODE_MAX_LENGTH = 40
NOT_A_CODE = gettext_lazy(
    "This code is not in the right format: a code has 12 letters and digits, like ABCD-EFGH-JKMN."
)


class CertificateDownloadView(View):
    """The certificate of the member's own completed enrolment, as a PDF attachment.
    Someone else's enrolment, or one not completed yet, answers 404."""

    http_method_names = ["get"]

    def get(self, request, slug):
        enrolment = (
            Enrolment.objects.completed()
            .select_related("user", "module")
            .filter(user=request.user, module__slug=slug)
            .first()
        )
        if enrolment is None:
            raise Http404
        response = HttpResponse(certificate_pdf(enrolment), content_type="application/pdf")
        response["Content-Disposition"] = attachment_header(
            _("Certificate %(module)s") % {"module": enrolment.module.title}, ".pdf"
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class VerifyCertificateForm(forms.Form):
    """A certificate code as printed or typed: any case, with or without spaces and dashes."""

    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=CODE_MAX_LENGTH,
        help_text=gettext_lazy("Printed at the bottom of the certificate."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={
            "max_length": NOT_A_CODE,
            "null_characters_not_allowed": NOT_A_CODE,
            "required": gettext_lazy("Enter the code printed on the certificate."),
        },
    )

    def clean_code(self):
        code = normalise_certificate_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(NOT_A_CODE, code="format")
        return code


def failed_checks_key(user) -> str:
    return f"training:verify-misses:{user.pk}:{int(time.time() // 60)}"


class VerifyCertificateView(TemplateView):
    """Check a certificate code (GET form): who completed which module, when, with what
    score. Unknown and malformed codes get a plain answer, never an error page."""

    template_name = "training/verify.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submitted = "code" in self.request.GET
        form = VerifyCertificateForm(self.request.GET if submitted else None)
        context.update(form=form, submitted=submitted, enrolment=None, too_many=False)
        if not submitted or not form.is_valid():
            return context
        # Only unknown codes count towards the limit: they are what guessing produces.
        key = failed_checks_key(self.request.user)
        misses = cache.get(key, 0)
        if misses >= FAILED_CHECKS_PER_MINUTE:
            context["too_many"] = True
            return context
        context["enrolment"] = (
            Enrolment.objects.completed()
            .select_related("user", "module", "city__region")
            .filter(certificate_code=form.cleaned_data["code"])
            .first()
        )
        if context["enrolment"] is None:
            # get-then-set is not atomic: two simultaneous misses may count once. This is
            # a brake on scripts, not an exact quota.
            cache.set(key, misses + 1, timeout=90)
        return context
