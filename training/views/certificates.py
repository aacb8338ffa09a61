"""Placeholder: replaced by the certificates part."""

from django.views.generic import TemplateView


class CertificateDownloadView(TemplateView):
    pass


class VerifyCertificateView(TemplateView):
    pass
