"""py3langid's classifier, its model unpacked once into the user's cache.

py3langid ships its model as LZMA-compressed NumPy arrays (4.5 MB, 68 MB
unpacked) and unpacks it in every process that classifies a text: about 0.3 s,
a tenth of a rebuild after one changed article. The first process keeps the
arrays as plain ``.npy`` files under ``~/.cache/kg/langid/`` (named by
py3langid's version and the model file's size and time); later ones map them
from disk, which takes a few milliseconds. The arrays are data (NumPy reads
them with ``allow_pickle=False``). Whatever goes wrong with the copy (a
py3langid whose model has another layout, a cache that cannot be written), the
text is classified by py3langid's own loader.
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .user_cache import default_cache_dir

__all__ = ["classify"]

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def classify(text: str) -> str:
    """The language code py3langid gives ``text``.

    >>> classify("Le président a signé le traité mercredi à Pyongyang.")
    'fr'
    """
    return _identifier().classify(text)[0]


@lru_cache(maxsize=1)
def _identifier():
    try:
        return _from_copy()
    except Exception:  # noqa: BLE001 - any trouble with the copy: py3langid's own loading
        from py3langid.langid import _get_identifier

        return _get_identifier()


def _from_copy():
    """py3langid's LanguageIdentifier, as its from_model_file makes it, from the arrays
    of its model kept unpacked (made first if need be)."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    model = MODEL_DIR / MODEL_FILE
    status = model.stat()
    folder = default_cache_dir() / "langid" / f"{version('py3langid')}-{status.st_size}-{status.st_mtime_ns}"
    if not all((folder / f"{name}.npy").is_file() for name in _ARRAYS):
        _unpack(model, folder)
    data = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                              _to_array(data["nextmove"]), data["out_feat"].tolist(),
                              tk_row=_to_array(data["nextmove_row"]))


def _unpack(model: Path, folder: Path) -> None:
    """Each array of ``model`` as a ``.npy`` file in ``folder``, written whole or not at all."""
    import lzma
    import tempfile

    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent))
    try:
        with tempfile.TemporaryFile(dir=staging) as unpacked:
            with lzma.open(model) as packed:
                while block := packed.read(1 << 20):
                    unpacked.write(block)
            unpacked.seek(0)
            with np.load(unpacked, allow_pickle=False) as arrays:
                for name in _ARRAYS:
                    np.save(staging / f"{name}.npy", arrays[name], allow_pickle=False)
        os.replace(staging, folder)  # another process may have made it meanwhile: theirs is the same
    except OSError:
        pass
    finally:
        if staging.exists():
            for path in staging.iterdir():
                path.unlink()
            staging.rmdir()
