from django import template

from training.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Markdown as sanitised HTML (training.markdown)."""
    return render_markdown(text)
