"""The forms of the training pages: a lesson's quiz."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.choices import QuestionKind


class QuizForm(forms.Form):
    """One field per question of a lesson: radio buttons for a single-choice question,
    checkboxes for a multiple-choice one. Every question must be answered; a choice that
    is not one of the question's own (a tampered form) is refused like any invalid value,
    so nothing is recorded."""

    error_messages = {
        "required": _("Answer this question."),
        "invalid_choice": _("Choose one of the answers given."),
    }

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            choices = [(str(choice.pk), choice.text) for choice in question.choices.all()]
            if question.kind == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages=self.error_messages,
                    help_text=_("Tick every right answer."),
                )
            else:
                field = forms.ChoiceField(
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages=self.error_messages,
                )
            field.label = question.text
            field.question = question
            self.fields[self.field_name(question)] = field

    @staticmethod
    def field_name(question) -> str:
        return f"question_{question.pk}"

    def chosen(self) -> dict[int, set[int]]:
        """The ticked choices by question id, as training.services.submit_quiz takes them."""
        chosen = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question)) or []
            values = value if isinstance(value, list) else [value]
            chosen[question.pk] = {int(choice_id) for choice_id in values}
        return chosen

    def question_fields(self):
        """(question, bound field) pairs in the lesson's order, for the template."""
        return [(question, self[self.field_name(question)]) for question in self.questions]


class AttemptForm(forms.Form):
    """The quiz attempt whose results a lesson page shows (?attempt=<id>, after a submit)."""

    attempt = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
