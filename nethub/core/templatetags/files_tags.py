"""`{% file_url obj "field" %}`: the permission-checked address of an uploaded file."""

from django import template

from nethub.core import files

register = template.Library()


@register.simple_tag
def file_url(obj, field: str = "file") -> str:
    return files.file_url(obj, field)
