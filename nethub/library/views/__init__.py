"""Views of the Knowledge Platform: documents (documents.py) and practices (practices.py)."""
