"""The import review as the tests drive it: an upload read inline, the page's data posted back."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def review_data(review) -> dict:
    """What the review page posts back unchanged: its fields and every formset's rows."""
    fields = [*review.meeting]
    for formset in review.formsets.values():
        fields += [*formset.management_form]
        fields += [field for form in formset.forms for field in form]
    data = {field.html_name: field.value() for field in fields}
    return {
        k: ("on" if v is True else v) for k, v in data.items() if v is not None and v is not False
    }


def upload(client, name: str, data: bytes, on_commit):
    """Post an upload; it is read after commit, inline as without a worker."""
    with on_commit(execute=True):
        return client.post(reverse("meetings:import"), {"file": SimpleUploadedFile(name, data)})
