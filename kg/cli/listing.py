"""kg claims, kg entities"""
import click

from ..model import ENTITY_CLASSES
from . import main
from .options import ClaimTypeChoice, echo_rows, format_option, graph_option


@main.command()
@graph_option
@format_option()
@click.option("--type", "claim_type", type=ClaimTypeChoice(), help="Only claims of this type.")
@click.option("--doc", help="Only claims of this article (its id, the file stem).")
@click.option("--contested", is_flag=True,
              help="Only events whose reports disagree (figures, denials, no comment): one row per report.")
@click.option("--explain", "explain_id", metavar="CLAIM_ID",
              help="Why this claim exists (its id, or a unique start of it): rule, trigger, roles, cues.")
def claims(graph_dir, fmt, claim_type, doc, contested, explain_id):
    """List the claims of a build.

    jsonl gives the records of claims.jsonl, in full; table and csv give one
    flat line per claim. With --contested, one line per report of each event
    that sources dispute, with its figure, date, claimants and evidence.
    With --explain CLAIM_ID, why one claim exists: the rule and its trigger
    word, how each role was filled (the marker such as subject, demonym or a
    preposition, or the step that completed it), where the count and the date
    were read, and each attribution's cue; as text, or JSON with --format json.

    \b
    Example:
      kg claims --type troop_deployment --format csv
      kg claims --contested
      kg claims --explain 3f2a9c --format json
    """
    from ..index import read_claims
    from ..listing import CLAIM_COLUMNS
    from ..model import Corpus

    if explain_id is not None:
        from ..explain import explain, render_explanation

        if fmt == "csv":
            raise click.UsageError("--explain prints text (table) or JSON (json, jsonl)")
        record = explain(graph_dir, explain_id)
        click.echo(render_explanation(record, fmt), nl=False)
        return
    if contested:
        from ..events import CONTEST_COLUMNS, contested_rows

        # an event's reports all have its type, but not its article: every article is read
        corpus = Corpus(claims=read_claims(graph_dir, claim_type=claim_type))
        rows = [r for r in contested_rows(corpus, claim_type=claim_type) if not doc or r["doc"] == doc]
        _check_doc(graph_dir, doc, rows)
        echo_rows(rows, fmt, None if fmt in ("jsonl", "json") else CONTEST_COLUMNS)
        return
    shape = "records" if fmt in ("jsonl", "json") else "rows"
    rows = read_claims(graph_dir, claim_type=claim_type, doc=doc, as_=shape)
    _check_doc(graph_dir, doc, rows)
    echo_rows(rows, fmt, None if shape == "records" else CLAIM_COLUMNS)


def _check_doc(graph_dir, doc, rows) -> None:
    """A mistyped --doc gives an error, not an empty listing."""
    if doc and not rows:
        from ..store import check_article

        check_article(graph_dir, doc)


@main.command()
@graph_option
@format_option()
@click.option("--class", "entity_class", type=click.Choice(ENTITY_CLASSES), help="Only entities of this class.")
def entities(graph_dir, fmt, entity_class):
    """List the entities of a build, with their Wikidata ids and mentions.

    \b
    Example:
      kg entities --class Country
    """
    from ..index import read_entities
    from ..listing import ENTITY_COLUMNS, entity_rows
    from ..model import Corpus

    corpus = Corpus(entities=read_entities(graph_dir, entity_class=entity_class))
    if fmt in ("jsonl", "json"):
        echo_rows([e.to_dict() for e in corpus.entities], fmt)
        return
    echo_rows(entity_rows(corpus), fmt, ENTITY_COLUMNS)
