"""kg build"""
import os

import click

from . import main


def available_cores() -> int:
    """The cores this process may run on (its affinity, not only the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-o", "--output", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=str), help="Folder to write the build into.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also say what the rules did in each article: its claims, by rule.")
@click.option("--max-article-size", "max_mb", default=20.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Skip (with a message) any file larger than this many megabytes.")
@click.option("--jobs", "-j", default=available_cores(), show_default="every core", type=click.IntRange(min=1),
              help="Processes that read the articles (the outputs are the same whatever the number).")
@click.option("--validate", "check", is_flag=True,
              help="Then check graph.ttl against ontology/shapes.ttl, as `kg validate` does "
              "(exit status 1 on a violation).")
@click.option("--full", is_flag=True,
              help="Read every article again, ignoring what earlier builds of this folder stored.")
@click.option("--text-field", metavar="NAME",
              help="The field of JSONL / CSV records that holds the article text (default: text, else body).")
@click.option("--field", "fields", multiple=True, metavar="KEY=NAME",
              help="The record field for KEY (title, published, lang, url, id); repeatable.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="A file of URLs to fetch, one a line (# starts a comment); repeatable.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Read the articles on a Dask cluster: its scheduler's address (tcp://HOST:8786), or "
              "'local' for JOBS worker processes here (needs `pip install 'kg[cluster]'`; docs/scale.md).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=str),
              help="Folder of fetched pages, so that a rebuild does not fetch again "
              "[default: ~/.cache/kg].")
def build(paths, out_dir, quiet, verbose, max_mb, jobs, check, full, text_field, fields, url_lists, scheduler,
          cache_dir):
    """Build the claim graph of articles: files or folders of .txt / .md /
    .html, .jsonl / .csv files of one article per record, RSS or Atom feeds,
    URLs of pages or feeds (fetched once, then cached), or - for standard
    input (one article, or JSON Lines).

    Writes claims.jsonl, entities.jsonl, documents.jsonl, graph.ttl (RDF),
    graph.graphml (NetworkX) and graph.html (the viewer) into the output
    folder, with index.sqlite and graph.oxigraph for the commands that read
    a build (kg claims, alliances, query ...). A file that cannot be read (not UTF-8, not a regular file, over
    --max-article-size, bad front matter...) is reported on one line and
    skipped; an invalid file under ontology/ (or $KG_ONTOLOGY_DIR) stops the
    build before it reads any article.

    A build keeps what it read in each article beside the output folder
    (.<folder>.kg-store.sqlite), so the next build of the same folder reads
    only new and changed articles; a change under ontology/ or to kg reads
    them all again, as does --full. The outputs are the same either way. When
    nothing changed and the folder is as the last build left it, nothing is
    written (--full and --verbose write it all again).

    \b
    Example:
      kg build sources/ -o output/
      kg build sources/ -o output/ --validate
      kg build sources/ -o output/ --full
      kg build sources/ -o output/ --verbose
      kg build articles.jsonl --text-field content --field published=date
      kg build https://example.org/news/feed.xml --urls more-urls.txt
      kg build sources/ -o output/ --scheduler tcp://10.0.0.5:8786
      cat article.txt | kg build -
    """
    from functools import partial

    from ..build import build as run_build
    from ..fetch import Fetcher
    from ..records import Fields, ReadOptions
    from ..sources import shown_path
    from ..web import read_url_list

    urls = tuple(url for name in url_lists for url in read_url_list(name))
    if not paths and not urls:
        raise click.UsageError("give articles (files, folders, URLs, or - for standard input) or --urls FILE")
    options = ReadOptions(fields=Fields.parse(fields, text=text_field), urls=urls, fetcher=Fetcher(cache_dir))

    progress = None
    if not quiet:
        from tqdm import tqdm
        progress = partial(tqdm, desc="articles", unit="article", disable=None, leave=False)
    report = run_build(paths, out_dir, progress=progress, max_bytes=int(max_mb * 1_000_000), jobs=jobs,
                       options=options, full=full, scheduler=scheduler, reuse=not verbose,
                       on_problem=lambda p: click.echo(f"kg: {'skipped ' if p.skipped else ''}{p}", err=True))
    if verbose:
        from ..summary import article_summaries

        for line in article_summaries(report.corpus):
            click.echo(f"kg: {line}", err=True)
    if not quiet:
        counts = report.counts
        same = " (unchanged: the folder held this build already)" if report.unchanged else ""
        click.echo(f"{counts['documents']} articles, {counts['entities']} entities, {counts['claims']} claims -> "
                   f"{shown_path(out_dir)}/ (graph.ttl, graph.html, graph.graphml){same}")
    if report.missing:
        raise click.ClickException("not found: " + ", ".join(report.missing))
    if check:
        from ..validate import validate_build
        from .validate import echo_violations

        echo_violations(validate_build(out_dir))
