"""Every directory permission, for every role: reading is public, changing is the
secretariat's."""

import pytest

pytestmark = pytest.mark.django_db

EXPECTED = {
    "directory.add_organization": {"secretariat"},
    "directory.change_organization": {"secretariat"},
    "directory.add_person": {"secretariat"},
    "directory.change_person": {"secretariat"},
}


@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_permission_for_every_role(users_by_role, permission):
    for role, user in users_by_role.items():
        assert user.has_perm(permission) == (role in EXPECTED[permission]), (permission, role)
