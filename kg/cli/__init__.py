"""The ``kg`` command line: thin wrappers over kg's library functions.

Each command lives in its own module of this package and registers itself on
``main``; the module list below is the whole command set.
"""
from __future__ import annotations

import importlib
import warnings

import click

from ..collector import tuned_collector
from ..errors import KgError


class KgGroup(click.Group):
    """Turns every KgError, and any refusal of the system (a full disk, a file
    made unreadable mid-run), into a one-line message and exit status 1, and an
    interrupt (Ctrl-C) into one line and the shell's status for it, 130."""

    def invoke(self, ctx):
        from ..nlp import KgWarning

        def show(message, category, *_args, **_kwargs):
            if issubclass(category, KgWarning):
                click.echo(f"kg: warning: {message}", err=True)
            else:
                default(message, category, *_args, **_kwargs)

        default = warnings.showwarning
        try:
            with warnings.catch_warnings(), tuned_collector():
                warnings.showwarning = show   # kg's own warnings: one line on stderr
                return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            raise  # a reader that stopped early ("kg claims | head"): kg.cli.entry ends quietly
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except KeyboardInterrupt:
            # a build publishes its folder in one step at its end: an interrupted one left the old folder as it was
            click.echo("kg: interrupted", err=True)
            ctx.exit(130)


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
