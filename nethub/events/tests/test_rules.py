"""Every permission of the calendar, for every role and audience."""

import datetime

import pytest

from nethub.events import services

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]


def _event(actor, **kwargs):
    kwargs.setdefault("registration_open", True)
    return services.event_create(
        actor=actor,
        kind="webinar",
        title="Webinar",
        tz="Europe/Zurich",
        starts=datetime.datetime(2031, 3, 4, 14, 0),
        **kwargs,
    )


def _check(users_by_role, perm, obj, allowed):
    for role in ROLES:
        assert users_by_role[role].has_perm(perm, obj) is (role in allowed), (perm, role)


def test_secretariat_manages_events(users_by_role):
    event = _event(users_by_role["secretariat"])
    for perm in ("events.add_event", "events.change_event", "events.view_registrations"):
        _check(users_by_role, perm, event, {"secretariat"})
    _check(users_by_role, "events.use_feed", None, set(ROLES) - {"anonymous"})


@pytest.mark.parametrize(
    ("audience", "allowed"),
    [
        ("public", {"stakeholder", "focal_point", "member_state", "secretariat"}),
        ("network", {"stakeholder", "focal_point", "member_state", "secretariat"}),
        ("member_states", {"member_state", "secretariat"}),
        ("stakeholders", {"stakeholder", "focal_point", "secretariat"}),
    ],
)
def test_who_may_register(users_by_role, audience, allowed):
    _check(
        users_by_role,
        "events.register",
        _event(users_by_role["secretariat"], audience=audience),
        allowed,
    )


def test_nobody_registers_when_closed_or_cancelled(users_by_role):
    closed = _event(users_by_role["secretariat"], registration_open=False)
    _check(users_by_role, "events.register", closed, set())
    cancelled = _event(users_by_role["secretariat"])
    services.event_update(actor=users_by_role["secretariat"], event=cancelled, status="cancelled")
    cancelled.refresh_from_db()
    _check(users_by_role, "events.register", cancelled, set())
