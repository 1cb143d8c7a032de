"""`{% headline_figures %}`: the network's latest confirmed headline figures, each with its
date and a link to its source sentence (used on the home page)."""

from django import template

from nethub.reviews.selectors import headline_facts

register = template.Library()


@register.inclusion_tag("reviews/_headline_figures.html")
def headline_figures(limit: int = 6):
    return {"headlines": headline_facts(limit=limit)}
