"""Python's cyclic garbage collector, tuned for kg's work.

kg keeps many small long-lived objects (models, gazetteer, lexicons, stored
results). At Python's thresholds (700, 10, 10) the collector walks them about a
thousand times a build: a fifth of the CPU of a rebuild after one changed article.
Collecting less often costs no memory: an article's parse and results are freed
by their reference counts (no cycles; 78 articles read with the collector off
left 936 objects for it). ``kg build`` and every ``kg`` command run tuned.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from functools import wraps

__all__ = ["THRESHOLDS", "tuned_collector", "with_tuned_collector", "paused_collector"]

#: gc.set_threshold: allocations net of deallocations between two collections of the
#: youngest generation, and collections of each generation between two of the next
THRESHOLDS = (10_000, 100, 10)


@contextmanager
def tuned_collector():
    """Run the block with THRESHOLDS, and the thresholds before it after it
    (processes forked meanwhile keep THRESHOLDS).

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with tuned_collector():
    ...     gc.get_threshold() == THRESHOLDS
    True
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def with_tuned_collector(function):
    """``function``, run in tuned_collector()."""
    @wraps(function)
    def tuned(*args, **kwargs):
        with tuned_collector():
            return function(*args, **kwargs)
    return tuned


@contextmanager
def paused_collector():
    """Run the block with the collector off (while many small objects in no cycle are
    made, which a running collector would walk again and again), then as before.

    >>> import gc
    >>> with paused_collector():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
