"""`{% my_working_groups as memberships %}`: the working groups of the user's organisation,
for the home page."""

from django import template

from nethub.workplan.selectors import my_groups

register = template.Library()


@register.simple_tag(takes_context=True)
def my_working_groups(context):
    request = context.get("request")
    return my_groups(user=request.user) if request is not None else []
