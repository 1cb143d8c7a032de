"""Slugs that stay unique within a model's table."""

from django.db import models
from django.utils.text import slugify


def unique_slug(
    model: type[models.Model], text: str, *, fallback: str = "item", exclude_pk=None
) -> str:
    """`text` slugified, with -2, -3… appended until no other row of `model` has it."""
    base = slugify(text)[:200] or fallback
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
