"""YAML files read through a JSON copy kept in the user's cache.

Building Python objects from YAML costs, even with libyaml: the gazetteer
alone takes about 0.2 s a process, paid by every ``kg`` run. The same data
as JSON loads ten to twenty times faster, so the first read of a file keeps a
JSON copy under ``~/.cache/kg/yaml/`` (``$XDG_CACHE_HOME``), named by the hash
of the file's bytes and of the YAML reader: a changed file has another name,
and an old copy is simply never read again. A file whose data JSON would not
give back the same (dates, keys that are not strings) is always read as YAML.
A copy that cannot be read or written is no copy. JSON is data only: a copy
written by someone else cannot run code.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

__all__ = ["load_yaml", "YAML_LOADER"]

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads 5x faster
_READER = f"pyyaml {yaml.__version__} {YAML_LOADER.__name__}"
_SMALL = 4096  # bytes: a file this short reads as fast from YAML as from a copy


def load_yaml(text: str) -> Any:
    """The data of the YAML ``text`` (yaml.YAMLError when it is not YAML)."""
    if len(text) < _SMALL:
        return yaml.load(text, Loader=YAML_LOADER)
    from .user_cache import default_cache_dir

    key = hashlib.sha256(f"{_READER}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    copy = default_cache_dir() / "yaml" / f"{key}.json"
    try:
        return json.loads(copy.read_bytes())
    except (OSError, ValueError):
        pass
    data = yaml.load(text, Loader=YAML_LOADER)
    _keep(copy, data)
    return data


def _keep(copy: Path, data: Any) -> None:
    try:
        encoded = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a date, a set...: not JSON
    if json.loads(encoded) != data:
        return  # keys that are not strings: JSON would give back other data
    staged = copy.with_name(f"{copy.name}.{os.getpid()}")
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(encoded, encoding="utf-8")
        os.replace(staged, copy)  # whole or not at all, for a build running beside
    except OSError:
        staged.unlink(missing_ok=True)
