"""The ``kg`` command line: thin wrappers over kg's library functions.

Each command lives in its own module of this package and registers itself on
``main``; the module list below is the whole command set.
"""
from __future__ import annotations

import gc
import importlib
import warnings

import click

from ..errors import KgError


#: the collector's thresholds (gc.set_threshold): allocations net of deallocations
#: between two collections of the youngest generation, and collections of each
#: generation between two of the next (Python's defaults: 700, 10, 10)
COLLECTOR_THRESHOLDS = (10_000, 100, 10)


class KgGroup(click.Group):
    """Turns every KgError into a one-line message and exit status 1."""

    def invoke(self, ctx):
        from ..nlp import KgWarning

        # kg keeps many small long-lived objects (models, gazetteer, lexicons, stored
        # results): at Python's defaults the collector walks them about a thousand times
        # a build, a fifth of an incremental build's CPU. Collecting less often costs no
        # memory: an article's parse and results are freed by their reference counts
        # (no cycles), and 78 articles read with the collector off left 936 objects
        gc.set_threshold(*COLLECTOR_THRESHOLDS)

        def show(message, category, *_args, **_kwargs):
            if issubclass(category, KgWarning):
                click.echo(f"kg: warning: {message}", err=True)
            else:
                default(message, category, *_args, **_kwargs)

        default = warnings.showwarning
        try:
            with warnings.catch_warnings():
                warnings.showwarning = show   # kg's own warnings: one line on stderr
                return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main():
    """Turn news articles into an attributed knowledge graph of geopolitical claims.

    \b
    Example:
      kg build sources/ -o output/
      kg claims --format csv
    """


COMMAND_MODULES = ["build", "listing", "alliances", "export", "query", "view", "validate", "push"]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
