"""The article store keeps a build's new results out of its memory (issue 12 §3): they
wait in a temporary file until ``save``, and pickling them leaves the claims as they
were (pickle's default way gave each of their objects a dict of its own)."""
import gc
import tracemalloc

from kg.article_store import ArticleStore, _pickled
from kg.extract.pipeline import extracted
from kg.model import Document

_TEXT = ("North Korea has sent {n},000 troops to Russia, South Korean intelligence said on Monday. "
         "Russia delivered air defence systems to North Korea in exchange, the agency said. "
         "Japan and South Korea signed a security agreement in Tokyo on Tuesday.")


def _results(count: int) -> list:
    """Fresh results of ``count`` articles, as extraction gives them to the store."""
    articles = [Document(id=f"en-{n}", body=_TEXT.format(n=n + 2), lang="en") for n in range(count)]
    return [(document, outcome) for document, outcome in extracted(articles)]


def test_new_results_are_kept_out_of_memory_until_saved(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    results = _results(8)
    payload = sum(len(_pickled(outcome)) for _document, outcome in results) / len(results)
    store = ArticleStore(tmp_path / "store.sqlite", "v1")
    store.put(*results[0][:1], *results[0][1])  # the temporary file opened
    tracemalloc.start()
    try:
        gc.collect()  # and Python's free lists, which tracemalloc counts as in use
        before = tracemalloc.get_traced_memory()[0]
        for document, (claims, names) in results[1:]:
            store.put(document, claims, names)
        gc.collect()
        kept = (tracemalloc.get_traced_memory()[0] - before) / (len(results) - 1)
    finally:
        tracemalloc.stop()
    # the store's own keys (two hashes an article), not the results nor dicts given to their objects
    assert payload > 2000 and kept < 800, (payload, kept)
    store.save()
    again = ArticleStore(tmp_path / "store.sqlite", "v1")
    for document, outcome in results:
        assert again.get(document) == outcome
