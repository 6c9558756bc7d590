"""URLs on the command line and in a file of URLs (kg build --urls): fetched with
timeouts, redirects, a size cap and a User-Agent naming kg, cached on disk by URL."""
import json
import time

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.fetch import Fetcher

from web_server import serving

TEXT = ("Les ministres des Affaires étrangères du Maroc et de l'Espagne se sont rencontrés lundi à Rabat. "
        "Le Maroc et l'Espagne ont signé lundi à Rabat un accord de coopération migratoire, a annoncé "
        "le gouvernement marocain dans un communiqué.")
PAGE = (f"<html><head><title>Rabat et Madrid</title>"
        f"<link rel='canonical' href='https://news.example.org/rabat-madrid'></head>"
        f"<body><nav>Accueil | Monde | Sports</nav><article><h1>Rabat et Madrid</h1><p>{TEXT}</p>"
        f"<p>{TEXT.replace('lundi', 'mardi')}</p></article></body></html>")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>N</title><link>https://n.example.org/</link>"
        f"<description>d</description><item><title>Rabat</title><link>https://n.example.org/rabat</link>"
        f"<pubDate>Mon, 08 Jul 2024 09:00:00 GMT</pubDate><description>{TEXT}</description></item></channel></rss>")
ROUTES = {"/rabat.html": (200, "text/html; charset=utf-8", PAGE),
          "/moved": (301, "", "/rabat.html"),
          "/feed": (200, "application/rss+xml", FEED),
          "/plain.txt": (200, "text/plain; charset=utf-8", TEXT)}


def build(*args):
    return CliRunner().invoke(main, ["build", "-q", *map(str, args)])


def documents(out):
    return [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]


def test_a_url_on_the_command_line_is_fetched_once_then_read_from_the_cache(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    with serving(ROUTES) as (base, requests):
        result = build(f"{base}/rabat.html", "-o", out, "--cache", cache)
        assert result.exit_code == 0, result.output
        [document] = documents(out)
        assert document["url"] == "https://news.example.org/rabat-madrid"   # canonical
        assert document["title"] == "Rabat et Madrid" and TEXT in document["body"]
        assert "Sports" not in document["body"]
        assert requests[0] == ("/robots.txt", requests[1][1])   # the site's rules first
        assert [path for path, _agent in requests] == ["/robots.txt", "/rabat.html"]
        assert requests[1][1].startswith("kg/")
        again = build(f"{base}/rabat.html", "-o", out, "--cache", cache)
        assert again.exit_code == 0, again.output
        assert len(requests) == 2   # the rebuild read the cache


def test_a_file_of_urls_with_a_failure_reports_one_line_and_builds_the_rest(tmp_path):
    urls = tmp_path / "urls.txt"
    out = tmp_path / "out"
    with serving(ROUTES) as (base, _requests):
        urls.write_text(f"# world news\n{base}/moved\n\n{base}/missing\n{base}/feed\n{base}/plain.txt\n")
        result = build("--urls", urls, "-o", out, "--cache", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    assert f"kg: skipped {base}/missing: HTTP 404 Not Found\n" == result.stderr
    docs = {d["path"]: d for d in documents(out)}
    assert set(docs) == {f"{base}/moved", f"{base}/feed#1", f"{base}/plain.txt"}
    assert docs[f"{base}/feed#1"]["published"] == "2024-07-08"        # a feed by its content type
    assert docs[f"{base}/plain.txt"]["body"] == TEXT


def test_a_url_list_line_that_is_no_url_names_its_line(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("https://example.org/a\nsources/b.txt\n")
    result = build("--urls", urls, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "urls.txt, line 2: 'sources/b.txt' is not an http(s) URL" in result.output


def test_a_page_over_the_size_cap_is_refused(tmp_path):
    with serving(ROUTES) as (base, _requests):
        with pytest.raises(InputError, match="larger than"):
            Fetcher(tmp_path / "cache", max_bytes=100, timeout=5).get(f"{base}/rabat.html")


def test_an_unreachable_host_is_one_problem_not_a_crash(tmp_path):
    with serving({}) as (base, _requests):
        pass   # the server is stopped: its port refuses connections
    result = build(f"{base}/x", "-o", tmp_path / "out", "--cache", tmp_path / "cache")
    assert result.exit_code == 1
    assert f"kg: skipped {base}/x: cannot fetch (ConnectError" in result.stderr


@pytest.mark.parametrize("url,why", [("http://[::1", "Invalid IPv6 URL"), ("https://", "no host"),
                                     ("http://example.org:port/a", "Port could not be cast")])
def test_a_malformed_url_is_one_problem_not_a_crash(tmp_path, url, why):
    result = build(url, "-o", tmp_path / "out", "--cache", tmp_path / "cache")
    assert result.exit_code == 1
    assert f"kg: skipped {url}: not a valid URL (" in result.stderr and why in result.stderr


ROBOTS = "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n"


def test_robots_txt_is_obeyed_and_requests_to_a_host_are_spaced(tmp_path):
    routes = {**ROUTES, "/robots.txt": (200, "text/plain", ROBOTS),
              "/private/a.html": (200, "text/html", PAGE)}
    fetcher = Fetcher(tmp_path / "cache", timeout=5)
    with serving(routes) as (base, requests):
        start = time.monotonic()
        with pytest.raises(InputError, match="robots.txt does not allow kg"):
            fetcher.get(f"{base}/private/a.html")
        fetcher.get(f"{base}/rabat.html")
        fetcher.get(f"{base}/plain.txt")
        elapsed = time.monotonic() - start
    assert [path for path, _agent in requests] == ["/robots.txt", "/rabat.html", "/plain.txt"]
    assert elapsed >= 4.0   # the site's Crawl-delay (2 s, over kg's 1 s) after robots.txt, then between the pages
