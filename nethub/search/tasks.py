"""Background tasks of the search app."""

from django_tasks import task

from nethub.search import services


@task()
def index_record(*, content_type_id: int, object_id: int) -> None:
    services.record_index(content_type_id=content_type_id, object_id=object_id)


@task()
def unindex_record(*, content_type_id: int, object_id: int) -> None:
    services.record_unindex(content_type_id=content_type_id, object_id=object_id)
