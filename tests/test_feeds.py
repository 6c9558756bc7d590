"""Feeds (RSS 0.9x/1.0/2.0, Atom): each item an article, its full content when the
feed has it, else its link fetched; detected by suffix or by the XML root."""
from kg.fetch import Fetcher
from kg.records import ReadOptions
from kg.sources import read_sources

from web_server import serving

LONG_FR = ("Le gouvernement norvégien a annoncé jeudi l'envoi de deux frégates en mer Baltique "
           "pour participer à un exercice naval conjoint avec la Pologne et la Lituanie. "
           "Le ministre de la Défense a précisé que l'exercice durerait trois semaines et "
           "mobiliserait près de mille marins des trois pays.")
LONG_EN = ("The Canadian government said on Tuesday it would send two hundred military instructors "
           "to Latvia next spring, expanding a training mission that began last year. The defence "
           "minister told reporters in Ottawa that the instructors would work alongside Latvian "
           "officers at a base near Riga.")
PAGE_EN = ("<html><head><title>Instructors for Latvia</title></head><body><article><h1>Instructors for Latvia</h1>"
           f"<p>{LONG_EN}</p><p>{LONG_EN.replace('Tuesday', 'Wednesday')}</p></article></body></html>")


def rss2(link_item_url):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Nouvelles</title><link>https://news.example.org/</link><description>d</description>
<item><title>Frégates en Baltique</title><link>https://news.example.org/fregates</link>
<guid>fregates-1</guid><pubDate>Thu, 20 Jun 2024 07:15:00 GMT</pubDate>
<description>Deux frégates.</description>
<content:encoded><![CDATA[<p>{LONG_FR}</p>]]></content:encoded></item>
<item><title>Instructors</title><link>{link_item_url}</link><pubDate>Tue, 18 Jun 2024 10:00:00 +0000</pubDate>
<description>Short teaser.</description></item>
</channel></rss>"""


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><id>urn:x</id><updated>2024-06-18T00:00:00Z</updated>
<entry><title>Instructors for Latvia</title><id>urn:x:1</id><link href="https://news.example.org/latvia"/>
<updated>2024-06-18T10:00:00Z</updated><content type="html">&lt;p&gt;{LONG_EN}&lt;/p&gt;</content></entry>
</feed>"""

RSS1 = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example.org/"><title>N</title><link>https://news.example.org/</link><description>d</description></channel>
<item rdf:about="https://news.example.org/baltique"><title>Baltique</title><link>https://news.example.org/baltique</link>
<dc:date>2024-06-20T07:15:00Z</dc:date><description>{LONG_FR}</description></item>
</rdf:RDF>"""

RSS091 = f"""<?xml version="1.0"?><rss version="0.91"><channel><title>N</title><link>https://n.example.org/</link>
<description>d</description><language>en</language>
<item><title>Latvia</title><link>https://n.example.org/latvia</link><description>{LONG_EN}</description></item>
</channel></rss>"""


def test_an_rss2_item_gives_its_full_content_and_a_teaser_item_its_fetched_page(tmp_path):
    with serving({"/latvia": (200, "text/html; charset=utf-8", PAGE_EN)}) as (base, requests):
        feed = tmp_path / "news.rss"
        feed.write_text(rss2(f"{base}/latvia"), encoding="utf-8")
        documents, problems = read_sources([feed], options=ReadOptions(fetcher=Fetcher(tmp_path / "cache", timeout=5)))
    assert problems == []
    full, fetched = documents
    assert full.body == LONG_FR
    assert (full.title, full.published, full.url, full.lang) == (
        "Frégates en Baltique", "2024-06-20", "https://news.example.org/fregates", "fr")
    assert full.path == f"{feed}#1" and full.id.startswith("news-")
    assert LONG_EN in fetched.body and "Short teaser" not in fetched.body
    assert (fetched.title, fetched.published, fetched.url) == ("Instructors", "2024-06-18", f"{base}/latvia")
    assert [path for path, _agent in requests] == ["/robots.txt", "/latvia"]


def test_atom_rss1_and_rss091_feeds(tmp_path):
    for name, text in (("world.atom", ATOM), ("baltic.xml", RSS1), ("old.rss", RSS091)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents, problems = read_sources([tmp_path])
    assert problems == []
    by_url = {d.url: d for d in documents}
    assert by_url["https://news.example.org/latvia"].body == LONG_EN
    assert by_url["https://news.example.org/latvia"].published == "2024-06-18"
    assert by_url["https://news.example.org/baltique"].body == LONG_FR
    assert by_url["https://news.example.org/baltique"].published == "2024-06-20"
    assert by_url["https://n.example.org/latvia"].lang == "en"


def test_a_feed_is_known_by_its_root_whatever_its_name(tmp_path):
    disguised = tmp_path / "export.txt"
    disguised.write_text(ATOM, encoding="utf-8")
    [document], problems = read_sources([disguised])
    assert problems == [] and document.body == LONG_EN and document.title == "Instructors for Latvia"


def test_an_xml_file_that_is_no_feed_is_one_problem(tmp_path):
    other = tmp_path / "config.xml"
    other.write_text("<?xml version='1.0'?><settings><a>1</a></settings>", encoding="utf-8")
    documents, [problem] = read_sources([other])
    assert documents == [] and "not an RSS or Atom feed" in problem.message


def test_an_item_whose_link_fails_is_one_problem_and_the_others_build(tmp_path):
    with serving({}) as (base, _requests):
        feed = tmp_path / "news.xml"
        feed.write_text(rss2(f"{base}/gone"), encoding="utf-8")
        documents, problems = read_sources([feed], options=ReadOptions(fetcher=Fetcher(tmp_path / "cache", timeout=5)))
    assert [d.title for d in documents] == ["Frégates en Baltique"]
    [problem] = problems
    assert problem.path == f"{feed}#2" and "HTTP 404" in problem.message
