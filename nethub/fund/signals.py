"""Every save and delete of a record behind the fund's figures moves their version, whoever
makes it: the services, the importer (through the services), the admin, a shell. Bulk writes
send no signal: they call `services.figures_version_bump` themselves."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from nethub.fund import services
from nethub.fund.models import Allocation, Contribution, FundingTarget, Programme, Transition

# The models the figures read (sums, counts, stages, the history's stage on a day); the
# Steering Committee's seats, the funding windows and pending imports are not among them.
FIGURE_MODELS = (Programme, Transition, Contribution, FundingTarget, Allocation)


def _record_written(sender, **kwargs) -> None:
    services.figures_version_bump()


def _countries_changed(sender, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        services.figures_version_bump()


def _restored(sender, **kwargs) -> None:
    # The figures cached before are of other data, whatever version the backup brought back.
    services.figures_version_bump(create=False)


def connect() -> None:
    from nethub.core.backup import restored

    for model in FIGURE_MODELS:
        post_save.connect(_record_written, sender=model, dispatch_uid=f"fund-figures-save-{model}")
        post_delete.connect(
            _record_written, sender=model, dispatch_uid=f"fund-figures-delete-{model}"
        )
    countries = Programme.countries.through
    m2m_changed.connect(_countries_changed, sender=countries, dispatch_uid="fund-figures-countries")
    # A deleted country takes its programme links with it, without an m2m signal.
    post_delete.connect(_record_written, sender=countries, dispatch_uid="fund-figures-links")
    restored.connect(_restored, dispatch_uid="fund-figures-restored")
