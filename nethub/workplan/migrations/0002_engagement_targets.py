"""EngagementTarget (consultations' stand-in for the workplan) becomes workplan records: each
consultation that had targets gets a workplan in consultation with those priorities, working
groups and workstreams; comments and expressions of interest point at them instead."""

from django.db import migrations
from django.utils.text import slugify


def forward(apps, schema_editor):
    EngagementTarget = apps.get_model("consultations", "EngagementTarget")
    ExpressionOfInterest = apps.get_model("consultations", "ExpressionOfInterest")
    CommentTarget = apps.get_model("consultations", "CommentTarget")
    Workplan = apps.get_model("workplan", "Workplan")
    Priority = apps.get_model("workplan", "Priority")
    WorkingGroup = apps.get_model("workplan", "WorkingGroup")
    ContentType = apps.get_model("contenttypes", "ContentType")
    priority_type, _ = ContentType.objects.get_or_create(app_label="workplan", model="priority")
    group_type, _ = ContentType.objects.get_or_create(app_label="workplan", model="workinggroup")
    workplans = {}
    moved = {}
    for target in EngagementTarget.objects.select_related("consultation").order_by("pk"):
        consultation = target.consultation
        workplan = workplans.get(consultation.pk)
        if workplan is None:
            workplan = Workplan.objects.filter(consultation=consultation).first()
        if workplan is None:
            title = (consultation.document_title or consultation.title)[:255]
            base = slugify(title)[:200] or "workplan"
            slug, n = base, 2
            while Workplan.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            workplan = Workplan.objects.create(
                title=title, slug=slug, status="consultation", consultation=consultation
            )
        workplans[consultation.pk] = workplan
        if target.kind == "priority":
            item = Priority.objects.create(
                workplan=workplan,
                number=target.number,
                title=target.title,
                novelty=target.status,
                position=int(target.number) if target.number.isdigit() else 0,
            )
            moved[target.pk] = (priority_type, item)
        else:
            item = WorkingGroup.objects.create(
                workplan=workplan, kind=target.kind, number=target.number, title=target.title
            )
            moved[target.pk] = (group_type, item)
    for interest in ExpressionOfInterest.objects.filter(legacy_target__isnull=False):
        content_type, item = moved[interest.legacy_target_id]
        interest.target_type = content_type
        interest.target_id = item.pk
        interest.save(update_fields=["target_type", "target_id"])
    Through = EngagementTarget.comments.through
    links = [
        CommentTarget(comment_id=row.comment_id, target_type=moved[row.engagementtarget_id][0],
                      target_id=moved[row.engagementtarget_id][1].pk)
        for row in Through.objects.all()
    ]
    CommentTarget.objects.bulk_create(links, ignore_conflicts=True)
    for workplan in workplans.values():
        snapshot = [
            {"kind": "priority", "id": p.pk, "number": p.number, "title": p.title}
            for p in Priority.objects.filter(workplan=workplan)
        ] + [
            {"kind": g.kind, "id": g.pk, "number": g.number, "title": g.title}
            for g in WorkingGroup.objects.filter(workplan=workplan)
        ]
        workplan.draft_snapshot = snapshot
        workplan.save(update_fields=["draft_snapshot"])


def backward(apps, schema_editor):
    """Workplan records made from targets go back to being targets."""
    EngagementTarget = apps.get_model("consultations", "EngagementTarget")
    ExpressionOfInterest = apps.get_model("consultations", "ExpressionOfInterest")
    CommentTarget = apps.get_model("consultations", "CommentTarget")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Priority = apps.get_model("workplan", "Priority")
    WorkingGroup = apps.get_model("workplan", "WorkingGroup")
    types = {ct.model: ct.pk for ct in ContentType.objects.filter(app_label="workplan")}
    back = {}
    for model, name in ((Priority, "priority"), (WorkingGroup, "workinggroup")):
        for item in model.objects.filter(workplan__consultation__isnull=False).select_related(
            "workplan"
        ):
            kind = "priority" if name == "priority" else item.kind
            status = getattr(item, "novelty", "")
            target, _ = EngagementTarget.objects.get_or_create(
                consultation_id=item.workplan.consultation_id, kind=kind, number=item.number,
                title=item.title, defaults={"status": status},
            )
            back[(types.get(name), item.pk)] = target
    for interest in ExpressionOfInterest.objects.filter(target_id__isnull=False):
        target = back.get((interest.target_type_id, interest.target_id))
        if target is not None:
            interest.legacy_target = target
            interest.save(update_fields=["legacy_target"])
    for link in CommentTarget.objects.all():
        target = back.get((link.target_type_id, link.target_id))
        if target is not None:
            target.comments.add(link.comment_id)


class Migration(migrations.Migration):
    dependencies = [
        ("workplan", "0001_initial"),
        ("consultations", "0003_alter_expressionofinterest_legacy_target"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = [("consultations", "0004_remove_engagement_target")]

    operations = [migrations.RunPython(forward, backward)]
