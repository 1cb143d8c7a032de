"""Background work that records its state on a record ("processing" → done or failed).

A worker can die in the middle of a task (`kill -9`, out of memory, a deploy): django-tasks then
leaves the task "running" for ever and the record "processing". Every app whose task moves a
record out of a processing state declares it once with `TrackedWork` and decorates the task with
`work.track`; then

- a task that raises marks its record failed with a reason people can read (on the record's
  page), instead of leaving it processing;
- `stalled_work_recover` (the `recover_stalled_work` command, run every few minutes by
  `scripts/serve.py` or cron) re-enqueues a record whose heartbeat is older than the limit and,
  after `max_attempts` enqueues, marks it failed with the reason.

The record's model inherits `BackgroundWork` (attempts and heartbeat). core imports no app: the
apps declare their work in their `tasks.py`, which the command finds with `autodiscover_modules`.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules, import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# Defaults of `recover_stalled_work`: longer than any task takes (ingest is bounded in time,
# and long tasks beat their heartbeat), and a few tries before giving up.
STALLED_AFTER = datetime.timedelta(minutes=30)
MAX_ATTEMPTS = 3


class BackgroundWork(models.Model):
    """Fields of a record processed by a background task: how many times its work was enqueued
    and when it last showed signs of life (queued, started, progressed)."""

    work_attempts = models.PositiveSmallIntegerField(gettext_lazy("attempts"), default=0)
    work_heartbeat_at = models.DateTimeField(
        gettext_lazy("last sign of work"), default=timezone.now, null=True, blank=True
    )

    class Meta:
        abstract = True

    def work_queued(self) -> None:
        """Call before saving a record (back) into its processing state: its first attempt."""
        self.work_attempts, self.work_heartbeat_at = 1, timezone.now()


def work_progress(records: models.QuerySet, percent: int, step: str) -> None:
    """Record how far the work on `records` has gone (a model with `progress` and
    `progress_step` fields), for the page that polls it. Written outside any transaction so the
    page sees it at once; it is also the heartbeat `stalled_work_recover` watches."""
    records.update(progress=percent, progress_step=step, work_heartbeat_at=timezone.now())


class WorkerLost(Exception):
    """Recorded on a task result left "running" by a worker that died."""


class WorkFailed(Exception):
    """Raised by a task whose failure has a reason for the user (its message is shown)."""


@dataclass
class TrackedWork:
    """One kind of background work on one model.

    `processing` filters the records whose work is under way (what the sweep watches);
    `runnable` those the task may start on (default: the same); `fail(pk, reason)` moves one
    to its failed state (the default writes `status`/`error`); `retry_kwargs(record)` gives the
    task's arguments besides the record's id; exceptions in `user_errors` carry a message meant
    for users, any other gets a generic reason (the traceback goes to the log).
    """

    model: type[models.Model]
    id_arg: str
    processing: dict
    failed: dict = field(default_factory=dict)
    runnable: dict | None = None
    fail: Callable[[int, str], None] | None = None
    retry_kwargs: Callable[[models.Model], dict] | None = None
    user_errors: tuple[type[BaseException], ...] = ()
    task_path: str = ""

    def __post_init__(self):
        REGISTRY.append(self)

    @property
    def label(self) -> str:
        return self.model._meta.label

    def track(self, func):
        """Decorates the task function (under `@task()`): stamps the heartbeat as it starts,
        skips a record no longer processing (finished, failed or deleted meanwhile), and marks
        the record failed with its reason when the function raises (then re-raises, so the task
        result is failed too)."""
        self.task_path = f"{func.__module__}.{func.__name__}"

        @functools.wraps(func)
        def run(**kwargs):
            pk = kwargs[self.id_arg]
            if not self.heartbeat(pk):
                return None
            try:
                return func(**kwargs)
            except Exception as error:
                reason = self.reason_for(error)
                logger.exception("%s %s failed: %s", self.label, pk, reason)
                self.mark_failed(pk, reason)
                raise

        return run

    def pending(self):
        return self.model._default_manager.filter(**self.processing)

    def startable(self):
        return self.model._default_manager.filter(**(self.runnable or self.processing))

    def heartbeat(self, pk) -> bool:
        """The work on `pk` is alive; False when the record is no longer to be worked on."""
        return bool(self.startable().filter(pk=pk).update(work_heartbeat_at=timezone.now()))

    def reason_for(self, error: BaseException) -> str:
        if isinstance(error, ValidationError):
            return " ".join(error.messages)
        if isinstance(error, (WorkFailed, *self.user_errors)):
            return str(error)
        return _("An unexpected error stopped the work (%(error)s). Please try again.") % {
            "error": type(error).__name__
        }

    def mark_failed(self, pk, reason: str) -> None:
        if self.fail is not None:
            self.fail(pk, reason)
        else:
            self.startable().filter(pk=pk).update(**self.failed, error=reason)

    def enqueue(self, record) -> None:
        kwargs = self.retry_kwargs(record) if self.retry_kwargs else {}
        import_string(self.task_path).enqueue(**{self.id_arg: record.pk}, **kwargs)


REGISTRY: list[TrackedWork] = []


def tracked_works() -> list[TrackedWork]:
    """Every declared kind of work (importing each app's `tasks` module declares them)."""
    autodiscover_modules("tasks")
    return list(REGISTRY)


def _interrupted_reason(attempts: int) -> str:
    return _(
        "The work was interrupted %(count)s times (the server stopped while it ran) and was "
        "given up. Please try again."
    ) % {"count": attempts}


def stalled_work_recover(
    *,
    older_than: datetime.timedelta = STALLED_AFTER,
    max_attempts: int = MAX_ATTEMPTS,
    now: datetime.datetime | None = None,
) -> dict[str, dict[str, int]]:
    """Re-enqueue every record processing without a sign of work for `older_than`, or mark it
    failed once its work was enqueued `max_attempts` times. Returns counts per model label.
    Safe to run from several machines at once: each record is claimed under a row lock."""
    cutoff = (now or timezone.now()) - older_than
    outcome = {}
    for work in tracked_works():
        retried = failed = 0
        stale = work.pending().filter(
            Q(work_heartbeat_at__lt=cutoff) | Q(work_heartbeat_at__isnull=True)
        )
        for pk in list(stale.values_list("pk", flat=True)):
            result = _recover_one(work, pk, cutoff=cutoff, max_attempts=max_attempts)
            retried += result == "retried"
            failed += result == "failed"
        # Several kinds of work may run on one model (reading and saving an import): their
        # counts add up under the model's label.
        counts = outcome.setdefault(work.label, {"retried": 0, "failed": 0})
        counts["retried"] += retried
        counts["failed"] += failed
    outcome["django_tasks_db.DBTaskResult"] = {"retried": 0, "failed": _orphans_fail(cutoff)}
    return outcome


def _orphans_fail(cutoff) -> int:
    """Task results a dead worker left "running" are failed (their records, if any, were
    handled above), so the queue does not show them running for ever."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    lost = WorkerLost("The worker running this task stopped (killed or restarted).")
    count = 0
    stale = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).order_by("started_at")
    for result in stale[:1000]:
        result.set_failed(lost)
        count += 1
    return count


def _recover_one(work: TrackedWork, pk, *, cutoff, max_attempts: int) -> str:
    with transaction.atomic():
        record = (
            work.pending()
            .select_for_update(skip_locked=True)
            .filter(Q(work_heartbeat_at__lt=cutoff) | Q(work_heartbeat_at__isnull=True))
            .filter(pk=pk)
            .first()
        )
        if record is None:  # finished, or claimed by another sweep, meanwhile
            return ""
        if record.work_attempts >= max_attempts:
            logger.warning("%s %s given up after %s attempts", work.label, pk, max_attempts)
            work.mark_failed(pk, _interrupted_reason(record.work_attempts))
            return "failed"
        work.model._default_manager.filter(pk=pk).update(
            work_attempts=F("work_attempts") + 1, work_heartbeat_at=timezone.now()
        )
        record.work_attempts += 1
        logger.warning(
            "%s %s stalled: enqueued again (attempt %s)", work.label, pk, record.work_attempts
        )
        transaction.on_commit(lambda: work.enqueue(record))
        return "retried"
