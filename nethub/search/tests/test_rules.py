import pytest


@pytest.mark.parametrize(
    "role", ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]
)
def test_search_is_public(users_by_role, role):
    assert users_by_role[role].has_perm("search.search")
