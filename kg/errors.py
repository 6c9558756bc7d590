"""The one catalogue of kg's errors.

Every error kg raises on purpose is a ``KgError``: the CLI catches it once and
prints its message on one line. A message names the file (and the entry or
line) and says what to do.
"""
import difflib

from .text import fold

__all__ = ["KgError", "InputError", "DataError", "BuildNotFound", "QueryError", "UnknownEntity", "UnknownClaim",
           "ClusterError", "EndpointError"]


class KgError(Exception):
    """Root of kg's errors: a one-line message for the user."""


class InputError(KgError):
    """An article cannot be read: missing, empty, binary, not UTF-8, bad front matter."""


class DataError(KgError):
    """A lexicon, pattern or gazetteer file under ontology/ is invalid."""


class BuildNotFound(KgError):
    """A command that reads a build was pointed at a folder that holds none."""


class QueryError(KgError):
    """A SPARQL query could not be parsed or run."""


class UnknownEntity(KgError):
    """A name given by the user matches no entity of the gazetteer or the graph."""

    @staticmethod
    def hint(name: str, names: dict[str, str], *, n: int, cutoff: float) -> str:
        """The end of the message: the known names closest to ``name`` (``names``: folded
        form -> as written), else how to give one."""
        close = difflib.get_close_matches(fold(name), list(names), n=n, cutoff=cutoff)
        if not close:
            return "; give a QID (Q423) or a name as in `kg entities`"
        return "; did you mean: " + ", ".join(dict.fromkeys(names[c] for c in close)) + "?"


class UnknownClaim(KgError):
    """A claim id given by the user matches no claim of the build, or several."""


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, dask is missing, or a worker runs other code."""


class EndpointError(KgError):
    """A SPARQL server cannot be reached, or refused what ``kg push`` sent."""
