"""kg push"""
import click

from . import main
from .options import graph_option


@main.command()
@graph_option
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's SPARQL 1.1 Graph Store endpoint (Oxigraph: http://HOST:7878/store, "
              "Fuseki: http://HOST:3030/DATASET/data).")
@click.option("--all", "everything", is_flag=True,
              help="Send every graph, even those the server's push record says it holds.")
@click.option("--shard", metavar="NAME",
              help="One of several builds (of different articles) pushed to one server: it keeps its own "
              "record and shared graph, and a push removes only the articles this shard no longer holds.")
@click.option("--user", metavar="NAME",
              help="Account for servers whose writes need one (HTTP Basic); the password is read from "
              "$KG_PUSH_PASSWORD, else asked for.")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
def push(graph_dir, endpoint, everything, shard, user, quiet):
    """Load a build into a SPARQL server, one named graph per article (plus one
    for the entities and events they share, and one for the ontology), sending
    only the articles that changed since the last push (docs/scale.md).

    \b
    Example:
      kg push --endpoint http://localhost:7878/store
      kg push --graph output/ --endpoint http://localhost:3030/kg/data --all
      kg push --graph builds/2024-11/ --endpoint http://localhost:7878/store --shard 2024-11
      KG_PUSH_PASSWORD=... kg push --endpoint http://localhost:8890/sparql-graph-crud-auth --user dba
    """
    import os

    from ..push import PASSWORD_VARIABLE, push_build

    auth = None
    if user:
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            password = click.prompt(f"password of {user} at {endpoint}", hide_input=True, err=True)
        auth = (user, password)
    report = push_build(graph_dir, endpoint, everything=everything, shard=shard, auth=auth)
    if not quiet:
        click.echo(f"{len(report.sent)} graphs sent, {len(report.deleted)} deleted, "
                   f"{report.unchanged} unchanged -> {endpoint}")
