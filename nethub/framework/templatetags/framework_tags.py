"""`{% tag_editor record %}`: the GCM tags of any record, editable by those allowed to."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from nethub.framework.selectors import tag_editor_state
from nethub.framework.suggest import CONFIDENT

register = template.Library()


def tag_editor_context(*, obj, user, request=None, csrf_token="", errors=None) -> dict:
    content_type = ContentType.objects.get_for_model(obj)
    return {
        "record": obj,
        "request": request,
        "can_edit": bool(user and user.has_perm("framework.tag_record", obj)),
        "action_url": reverse("framework:tags_edit", args=[content_type.pk, obj.pk]),
        "csrf_token": csrf_token,
        "errors": errors or [],
        "confident": CONFIDENT,
        **tag_editor_state(obj=obj),
    }


@register.inclusion_tag("framework/_tag_editor.html", takes_context=True)
def tag_editor(context, obj):
    """Include in any record's page: `{% load framework_tags %}{% tag_editor meeting %}`."""
    request = context.get("request")
    return tag_editor_context(
        obj=obj,
        user=getattr(request, "user", None),
        request=request,
        csrf_token=context.get("csrf_token", ""),
    )
