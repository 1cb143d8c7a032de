from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from nethub.search.models import Passage


def test_reindex_command(reference_data):
    from nethub.directory.models import Person

    Person.objects.create(name="Reindexed Person", title="Officer")
    out = StringIO()
    call_command("reindex", stdout=out)
    assert "directory.Person" in out.getvalue()
    assert Passage.objects.filter(kind="person", title="Reindexed Person").exists()
    out = StringIO()
    call_command("reindex", "directory.Person", stdout=out)
    assert "Indexed" in out.getvalue()


def test_reindex_refuses_unknown_models(db):
    with pytest.raises(CommandError):
        call_command("reindex", "directory.Region")
    with pytest.raises(CommandError):
        call_command("reindex", "nope.Nothing")


def test_demo_loads_index(reference_data):
    from nethub.search import demo

    out = StringIO()
    demo.load(fixtures_dir=None, stdout=out)
    assert "Search index" in out.getvalue()
