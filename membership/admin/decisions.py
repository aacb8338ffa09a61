"""Admin actions that need a reason from staff (reject, ask for more information).

The first click on the action shows a page listing the selected rows with a reason field;
submitting it runs the decision on each row. Without a reason nothing is decided.
"""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text=_("Sent to the person in the email and shown on their status page."),
    )


def decide_with_reason(
    model_admin: admin.ModelAdmin,
    request,
    queryset,
    *,
    title: str,
    decide: Callable[[object, str], None],
    done_message: Callable[[int], str],
):
    """Run `decide(obj, reason)` for each selected row once staff have given a reason;
    until then (or when the reason is missing) answer with the page that asks for it.
    `done_message(count)` is the confirmation, with its plural (ngettext)."""
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        for obj in queryset:
            decide(obj, form.cleaned_data["reason"])
        model_admin.message_user(request, done_message(len(queryset)), messages.SUCCESS)
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "objects": queryset,
        "form": form,
        "action": request.POST.get("action", ""),
        "opts": model_admin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/membership/decision_reason.html", context)
