"""kg build"""
import os
from pathlib import Path

import click

from . import main


def available_cores() -> int:
    """The cores this process may run on (its affinity, not only the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=str), help="Folder to write the build into.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--max-article-size", "max_mb", default=20.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Skip (with a message) any file larger than this many megabytes.")
@click.option("--jobs", "-j", default=available_cores(), show_default="every core", type=click.IntRange(min=1),
              help="Processes that parse the articles (the outputs are the same whatever the number).")
@click.option("--validate", "check", is_flag=True,
              help="Then check graph.ttl against ontology/shapes.ttl, as `kg validate` does "
              "(exit status 1 on a violation).")
def build(paths, out_dir, quiet, max_mb, jobs, check):
    """Build the claim graph of articles (files or folders of .txt / .md).

    Writes claims.jsonl, entities.jsonl, documents.jsonl, graph.ttl (RDF),
    graph.graphml (NetworkX) and graph.html (the viewer) into the output
    folder. A file that cannot be read (not UTF-8, not a regular file, over
    --max-article-size, bad front matter...) is reported on one line and
    skipped; an invalid file under ontology/ (or $KG_ONTOLOGY_DIR) stops the
    build before it reads any article.

    \b
    Example:
      kg build sources/ -o output/
      kg build sources/ -o output/ --validate
    """
    from functools import partial

    from ..build import build as run_build
    from ..sources import shown_path

    progress = None
    if not quiet:
        from tqdm import tqdm
        progress = partial(tqdm, desc="articles", unit="article", disable=None, leave=False)
    report = run_build(paths, out_dir, progress=progress, max_bytes=int(max_mb * 1_000_000), jobs=jobs,
                       on_problem=lambda p: click.echo(f"kg: {'skipped ' if p.skipped else ''}{p}", err=True))
    if not quiet:
        corpus = report.corpus
        click.echo(f"{len(corpus.documents)} articles, {len(corpus.entities)} entities, "
                   f"{len(corpus.claims)} claims -> {shown_path(out_dir)}/ (graph.ttl, graph.html, graph.graphml)")
    if report.missing:
        raise click.ClickException("not found: " + ", ".join(report.missing))
    if check:
        from ..validate import validate_build
        from .validate import echo_violations

        echo_violations(validate_build(out_dir))
