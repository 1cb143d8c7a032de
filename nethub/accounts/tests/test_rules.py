"""Every accounts permission, for every role."""

import pytest

pytestmark = pytest.mark.django_db

EXPECTED = {
    "accounts.invite": {"secretariat"},
    "accounts.view_invitation": {"secretariat"},
}


@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_permission_for_every_role(users_by_role, permission):
    for role, user in users_by_role.items():
        assert user.has_perm(permission) == (role in EXPECTED[permission]), (permission, role)
