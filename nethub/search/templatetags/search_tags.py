"""`{% more_like_this obj %}`: a "More like this" box for any record's detail page. The list
loads after the page (htmx), so a detail page never waits for the similarity search."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("search/_more_like_this_loader.html")
def more_like_this(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return {"url": reverse("search:more_like_this", args=[content_type.pk, obj.pk])}
