"""kg query"""
import re

import click

from . import main
from .options import echo_rows, format_option, graph_option

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _parse_binding(text: str) -> tuple[str, object]:
    """NAME=VALUE binds a plain string; NAME=<IRI> binds an IRI. A malformed one is a
    usage error (exit status 2), like any other malformed option."""
    name, sep, value = text.partition("=")
    if not sep or not _VARIABLE.fullmatch(name):
        raise click.BadParameter(f"{text!r}: write NAME=VALUE (or NAME=<IRI>), NAME in letters, digits and _",
                                 param_hint="--bind")
    if value.startswith("<") and value.endswith(">"):
        import pyoxigraph

        try:
            return name, pyoxigraph.NamedNode(value[1:-1])
        except ValueError:
            raise click.BadParameter(f"{text!r}: {value} is not a valid IRI", param_hint="--bind") from None
    return name, value


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=str),
              help="Read the query from this .rq file (see queries/).")
@click.option("--bind", "bind", multiple=True, metavar="NAME=VALUE",
              help="Give ?NAME this value (a string, or <IRI>); repeatable. Values are "
              "bound, never pasted into the query text.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE clauses send requests to other SPARQL endpoints (off by default).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a query with --allow-service may take.")
@graph_option
@format_option()
def query(sparql, query_file, bind, allow_service, timeout, graph_dir, fmt):
    """Run a SPARQL query over a build's graph (graph.ttl).

    kg's prefixes (kg:, wd:, prov:, rdfs:, stance:, obligation: ...) are predeclared.

    \b
    Example:
      kg query 'SELECT ?name WHERE { ?c a kg:Country ; rdfs:label ?name }'
      kg query -f queries/alliances.rq --bind country_name=Russie --format csv
    """
    from ..namespace import compact
    from ..query import load_query_file, run_query

    if bool(sparql) == bool(query_file):
        raise click.UsageError("give a query, or -f FILE, but not both")
    text = load_query_file(query_file) if query_file else sparql
    result = run_query(graph_dir, text, dict(_parse_binding(b) for b in bind),
                       allow_service=allow_service, timeout=timeout)
    rows = result.rows
    if fmt == "table":  # full IRIs are too wide for a terminal
        rows = [{k: compact(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    echo_rows(rows, fmt, result.columns)
