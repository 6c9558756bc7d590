"""kg alliances"""
import click

from . import main
from .options import echo_rows, format_option, graph_option

def _check_date(ctx, param, value):
    """A real ISO date (2024-13 and 2024-02-30 are usage errors, like 'yesterday')."""
    from ..text import parse_iso

    if value is not None:
        try:
            parse_iso(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a real ISO date such as 2024, 2024-06 or 2024-06-19") from None
    return value


@main.command()
@click.argument("country", required=False)
@click.option("--path", "ends", nargs=2, metavar="A B", help="How two states are linked, hop by hop.")
@click.option("--since", metavar="DATE", callback=_check_date,
              help="Only claims dated on or after DATE (2024, 2024-06 or 2024-06-19).")
@click.option("--opposition", is_flag=True,
              help="Without COUNTRY: also list opposition and sanctions, which are not alliances.")
@graph_option
@format_option()
def alliances(country, ends, since, opposition, graph_dir, fmt):
    """Allies and partners read from the claims: treaties, military cooperation,
    military aid, troops fighting alongside, statements of support.

    With COUNTRY (any name the gazetteer or the build knows, or a QID): its
    ties. Without: every tie, grouped into blocs (states bound by a defence
    obligation or military cooperation). With --path A B: the shortest chain of
    ties between two states, crossing opposition only when nothing else links them.

    \b
    Examples:
      kg alliances "Corée du Nord"
      kg alliances --format csv
      kg alliances --path France Chine
    """
    from ..alliances import TABLE_COLUMNS, alliance_rows, allies, path, path_rows, resolve_actor, tie_row
    from ..index import read_network

    if country and ends:
        raise click.UsageError("give either COUNTRY or --path A B, not both")
    graph = read_network(graph_dir)
    nested = fmt in ("json", "jsonl")
    if ends:
        a, b = (resolve_actor(graph, name) for name in ends)
        rows = path_rows(path(graph, a, b, since=since), nested=nested)
        columns = ["hop", "from", "to"] + TABLE_COLUMNS
        empty = f"no chain of ties links {ends[0]} and {ends[1]} in {graph_dir}"
    elif country:
        actor = resolve_actor(graph, country)
        rows = [tie_row(t, nested=nested) for t in allies(graph, actor, since=since)]
        columns = ["country", "partner"] + TABLE_COLUMNS
        empty = f"no ties of {country} in {graph_dir}"
    else:
        rows = alliance_rows(graph, since=since, opposition=opposition, nested=nested)
        columns = ["bloc", "country", "partner"] + TABLE_COLUMNS
        empty = f"no ties in {graph_dir}"
    if not rows and fmt == "table":
        click.echo(empty, err=True)
        return
    echo_rows(rows, fmt, columns if fmt == "table" else None)
