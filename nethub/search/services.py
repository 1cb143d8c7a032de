"""Writes for the search index. (Being built under issue 5: passages, embeddings, tags.)"""


def record_index(*, content_type_id: int, object_id: int) -> None:
    """(Re)index one record from its `search_document()`."""


def record_unindex(*, content_type_id: int, object_id: int) -> None:
    """Drop one record from the index."""
