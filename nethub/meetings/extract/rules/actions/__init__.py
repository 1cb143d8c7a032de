"""Rules that find action points, one module a way of writing them (`labelled`, `note_style`,
`commitments`, `future_tasks`, `passive`, `section`), on the words they share (`vocabulary`).

Each rule reads one segment (a sentence, a list item, a cell) and says whether it assigns work,
and to whom (`data["owner"]`, as written; resolved later) and what (`data["task"]`).
"""
