"""The ``kg`` command as a process: the console script and ``python -m kg``.

At exit Python tears its interpreter down, freeing every object one by one:
with a build's models, gazetteer and stored results in memory that took 0.3
to 0.5 s of CPU, more than writing a rebuild's outputs. So once the exit
handlers have run (atexit's, other modules' and the final flush of the standard
streams), the process ends at once with the command's status. kg closes every
file it writes before that (``with`` blocks), and tests call ``main`` itself,
which ends no process.
"""
from __future__ import annotations

import atexit
import os
import sys

__all__ = ["run"]

_status: list[int] = [0]


def run() -> None:
    """Run ``kg`` (kg.cli.main) with the command line of this process."""
    atexit.register(_end)  # first registered, so last run: after every other module's handler
    _tune_collector()
    try:
        from . import main

        main()
    except SystemExit as leaving:
        _status[0] = _code(leaving.code)
        raise
    except BaseException:  # a bug's traceback, an interrupt: Python reports it, the status says it failed
        _status[0] = 1
        raise


def _tune_collector() -> None:
    """The collector's thresholds of kg's commands (kg.collector) from the start: importing
    spaCy and kg makes objects enough for a hundred collections at Python's."""
    import gc

    from ..collector import THRESHOLDS

    gc.set_threshold(*THRESHOLDS)


def _code(code) -> int:
    """The exit status Python gives a SystemExit with ``code``."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1  # a message: printed, status 1


def _end() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe ("kg claims | head"): nothing more to say
            pass
    os._exit(_status[0])
