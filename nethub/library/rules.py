"""Who may do what in the Knowledge Platform.

Anyone reads documents that are ready and practices that are published. Network members
upload documents; the secretariat curates (edits, tags, deletes) all of them and uploaders
their own. Any registered user submits practices and edits them while they are submitted or
sent back for changes; the secretariat reviews, publishes or declines them.
"""

import rules

from nethub.core.predicates import is_authenticated, is_network_member, is_secretariat


@rules.predicate
def is_uploader(user, document) -> bool:
    return bool(
        document is not None and user.is_authenticated and document.uploaded_by_id == user.pk
    )


@rules.predicate
def document_is_ready(user, document) -> bool:
    return document is not None and document.status == "ready"


@rules.predicate
def is_submitter(user, practice) -> bool:
    return bool(
        practice is not None and user.is_authenticated and practice.submitted_by_id == user.pk
    )


@rules.predicate
def practice_is_published(user, practice) -> bool:
    return practice is not None and practice.status == "published"


@rules.predicate
def practice_is_editable_by_submitter(user, practice) -> bool:
    return practice is not None and practice.status in {"submitted", "changes_requested"}


@rules.predicate
def practice_awaits_resubmission(user, practice) -> bool:
    return practice is not None and practice.status == "changes_requested"


rules.add_perm("library.view_document", document_is_ready | is_uploader | is_secretariat)
rules.add_perm("library.upload_document", is_network_member)
rules.add_perm("library.change_document", is_secretariat | is_uploader)
rules.add_perm("library.delete_document", is_secretariat | is_uploader)
rules.add_perm("library.tag_document", is_secretariat | is_uploader)

rules.add_perm("library.submit_practice", is_authenticated)
rules.add_perm("library.view_practice", practice_is_published | is_submitter | is_secretariat)
rules.add_perm(
    "library.change_practice", is_secretariat | (is_submitter & practice_is_editable_by_submitter)
)
rules.add_perm("library.resubmit_practice", is_submitter & practice_awaits_resubmission)
rules.add_perm("library.review_practice", is_secretariat)
rules.add_perm("library.tag_practice", is_secretariat)
