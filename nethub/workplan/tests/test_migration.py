"""The data migration that replaced consultations' EngagementTarget: existing targets become
workplan priorities and groups, and comments and interests point at them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("consultations", "0003_alter_expressionofinterest_legacy_target"),
    ("workplan", "0001_initial"),
    # Applied anyway (no app here depends on it); named so its field is in the old state.
    ("directory", "0002_organization_names_in_other_languages"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_engagement_targets_become_workplan_items(reference_data):
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        Organization = old.get_model("directory", "Organization")
        Consultation = old.get_model("consultations", "Consultation")
        Target = old.get_model("consultations", "EngagementTarget")
        Comment = old.get_model("consultations", "Comment")
        Interest = old.get_model("consultations", "ExpressionOfInterest")
        organization = Organization.objects.create(
            name="Migrating NGO", slug="migrating-ngo", kind="ngo"
        )
        consultation = Consultation.objects.create(
            title="On the draft", slug="on-the-draft", document_title="Draft workplan 2022-2024"
        )
        priority = Target.objects.create(
            consultation=consultation,
            kind="priority",
            number="5",
            title="Integration",
            status="new",
        )
        group = Target.objects.create(
            consultation=consultation, kind="working_group", title="Returns"
        )
        comment = Comment.objects.create(consultation=consultation, body="x", text="x")
        comment.targets.add(priority)
        Interest.objects.create(
            consultation=consultation,
            organization=organization,
            legacy_target=group,
            engagement="start",
        )
        _migrate(leaves)
        from nethub.consultations.models import Comment as NewComment
        from nethub.consultations.models import Consultation as NewConsultation
        from nethub.workplan.models import Priority, WorkingGroup

        moved = NewConsultation.objects.get(slug="on-the-draft")
        workplan = moved.workplan
        assert (workplan.title, workplan.status) == ("Draft workplan 2022-2024", "consultation")
        p = Priority.objects.get(workplan=workplan)
        g = WorkingGroup.objects.get(workplan=workplan)
        assert (p.number, p.title, p.novelty) == ("5", "Integration", "new")
        assert set(moved.targets) == {p, g}
        assert NewComment.objects.get(pk=comment.pk).targets_named == [p]
        interest = moved.interests.get()
        assert (interest.target, interest.engagement) == (g, "start")
        assert len(workplan.draft_snapshot) == 2
    finally:
        _migrate(leaves)
