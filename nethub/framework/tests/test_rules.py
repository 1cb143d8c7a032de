"""Every framework permission, for every role, on records owned or not by the user's
organisation."""

from types import SimpleNamespace

import pytest
import rules

pytestmark = pytest.mark.django_db


def test_tag_record(users_by_role):
    for role, user in users_by_role.items():
        foreign = SimpleNamespace(owner_organization_id=-1)
        assert user.has_perm("framework.tag_record", foreign) == (role == "secretariat"), role
        if role == "anonymous":
            continue
        own = SimpleNamespace(owner_organization_id=user.organization_id)
        assert user.has_perm("framework.tag_record", own), role


def test_change_framework_element(users_by_role):
    for role, user in users_by_role.items():
        assert user.has_perm("framework.change_frameworkelement") == (role == "secretariat"), role


def test_tag_record_follows_the_permission_a_record_names(users_by_role):
    rules.add_perm("framework_test.tag_thing", rules.is_group_member("never"))
    try:
        record = SimpleNamespace(
            owner_organization_id=None, tag_permission="framework_test.tag_thing"
        )
        for role, user in users_by_role.items():
            assert not user.has_perm("framework.tag_record", record), role
    finally:
        rules.remove_perm("framework_test.tag_thing")


def test_only_the_secretariat_reviews_suggestions_in_bulk(users_by_role):
    for role, user in users_by_role.items():
        assert user.has_perm("framework.review_suggestions") == (role == "secretariat"), role
