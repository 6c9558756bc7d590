"""Where kg keeps what it can make again, per user: ``~/.cache/kg`` (or ``$XDG_CACHE_HOME/kg``).

Fetched pages (kg.fetch), JSON copies of YAML files (kg.yaml_cache) and the key
that signs stored results (kg.article_store) live there. A module of its own
so that finding the folder imports nothing heavy: every process asks for it.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_cache_dir"]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"
