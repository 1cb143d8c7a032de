"""The fund's own roles: a member of the Steering Committee and a donor's representative."""

import pytest

from conftest import _user


@pytest.fixture
def sc_member_user(reference_data):
    from nethub.accounts.models import Role
    from nethub.fund.tests.factories import sc_seat

    user = _user(Role.FOCAL_POINT, "UNICEF", "un_entity", "scmember_user")
    sc_seat(user.organization)
    return user


@pytest.fixture
def donor_user(reference_data):
    from nethub.accounts.models import Role
    from nethub.fund.tests.factories import contribution

    user = _user(Role.MEMBER_STATE, "Germany", "member_state", "donor_user")
    contribution(donor=user.organization)
    return user


@pytest.fixture
def fund_users(users_by_role, sc_member_user, donor_user):
    return {**users_by_role, "sc_member": sc_member_user, "donor": donor_user}
