"""The viewer in a real browser: headless Chromium, driven by selenium, with the network cut.

Skipped only when Chromium or chromedriver is not installed (scripts/test.sh
installs both). Screenshots go to test-artifacts/ (or $KG_TEST_ARTIFACTS).
"""
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from kg.store import load_corpus
from kg.viewer import write_viewer

FIXTURE = Path(__file__).parent / "fixtures" / "viewer"
# Kyiv says 11,000, Seoul 10,000-12,000, the Pentagon ~10,000, Pyongyang denies: one contested event
EVENTS = Path(__file__).parent / "fixtures" / "events"
ARTIFACTS = Path(os.environ.get("KG_TEST_ARTIFACTS", Path(__file__).parent.parent / "test-artifacts"))
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Chromium and chromedriver (apt-get install chromium chromium-driver; scripts/test.sh does)")

WAGNER = "group-groupe-wagner-script-window-pwned-1-script-img-src-x-onerror-window-pwned-1"
EVIL_DEPLOYMENT = "Des combattants du groupe Wagner <script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    return write_viewer(load_corpus(FIXTURE), tmp_path_factory.mktemp("viewer") / "graph.html")


@pytest.fixture(scope="module")
def events_page(tmp_path_factory):
    return write_viewer(load_corpus(EVENTS), tmp_path_factory.mktemp("events") / "graph.html")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900", f"--user-data-dir={profile}",
                 # a second lock on the door: any request would go to a closed local port
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(browser, page):
    browser.get(page.as_uri())
    deadline = time.monotonic() + 20
    while not browser.execute_script("return !!(window.kgViewer && window.kgViewer.ready)"):
        assert time.monotonic() < deadline, "the viewer did not draw within 20 s"
        time.sleep(0.05)


def screenshot(browser, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"viewer-{name}.png"))


def pwned(browser):
    return browser.execute_script("return typeof window.__pwned !== 'undefined'")


def injected_elements(browser):
    """<script> or <img> elements outside the page's own four scripts."""
    return browser.execute_script(
        "return document.querySelectorAll('img, #kg-details script, #kg-side script, header script').length")


def canvas_point(browser, x, y):
    """Move the mouse to graph coordinates (x, y) and return the selenium action chain."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = browser.find_element("css selector", "#mynetwork canvas")
    dom = browser.execute_script("return kgViewer.network.canvasToDOM({x: arguments[0], y: arguments[1]})", x, y)
    size = canvas.size
    return ActionChains(browser).move_to_element_with_offset(
        canvas, round(dom["x"] - size["width"] / 2), round(dom["y"] - size["height"] / 2))


def node_position(browser, node_id):
    return browser.execute_script("return kgViewer.network.getPositions([arguments[0]])[arguments[0]]", node_id)


def details_text(browser):
    return browser.find_element("id", "kg-details").text


def test_page_loads_offline_with_every_node_and_edge(browser, page):
    open_page(browser, page)
    corpus = load_corpus(FIXTURE)
    ids = browser.execute_script("return [kgViewer.nodes.getIds(), kgViewer.edges.get().flatMap(e => e.claims)]")
    assert set(ids[0]) == {e.id for c in corpus.claims for ents in c.roles.values() for e in ents}
    assert set(ids[1]) == {c.id for c in corpus.claims}
    drawn = browser.execute_script(
        "var c = document.querySelector('#mynetwork canvas'), d = c.getContext('2d')"
        ".getImageData(0, 0, c.width, c.height).data, n = 0;"
        "for (var i = 3; i < d.length; i += 4) if (d[i]) n++; return n;")
    assert drawn > 10000  # the canvas is really painted, not blank
    assert not pwned(browser) and injected_elements(browser) == 0
    screenshot(browser, "loaded")


def test_no_request_leaves_the_machine_and_no_error_is_logged(browser, page):
    open_page(browser, page)
    browser.find_element("id", "kg-search").send_keys("Wagner")
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert any(url.startswith("file:") for url in urls)
    assert not [url for url in urls if not url.startswith(("file:", "data:", "chrome:", "about:"))]
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_hovering_and_clicking_a_node_shows_its_details_as_text(browser, page):
    open_page(browser, page)
    position = node_position(browser, WAGNER)
    canvas_point(browser, position["x"], position["y"]).perform()
    time.sleep(0.4)  # past vis-network's hover and tooltip delays
    assert "groupe Wagner <script>window.__pwned=1</script>" in details_text(browser)
    canvas_point(browser, position["x"], position["y"]).click().perform()
    time.sleep(0.2)
    text = details_text(browser)
    assert "Group" in text and "1 claim" in text
    assert not pwned(browser) and injected_elements(browser) == 0
    screenshot(browser, "node-clicked")


def test_clicking_an_edge_shows_the_claim_and_its_evidence(browser, page):
    open_page(browser, page)
    start, end = node_position(browser, WAGNER), node_position(browser, "Q212")
    canvas_point(browser, (start["x"] + end["x"]) / 2, (start["y"] + end["y"]) / 2).click().perform()
    time.sleep(0.2)
    text = details_text(browser)
    assert "troop deployment" in text and "sender" in text and "2023" in text
    assert EVIL_DEPLOYMENT in text  # the sentence, shown as text
    assert "Armes nord-coréennes <script>" in text  # the article's title, as text
    assert "The article states it as fact." in text
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-details a')).map(a => a.href)")
    assert not any(link.startswith("javascript:") for link in links)
    assert not pwned(browser) and injected_elements(browser) == 0
    screenshot(browser, "edge-clicked")


def test_disputed_claim_details_say_who_claims_and_who_will_not_confirm(browser, page):
    open_page(browser, page)
    claim = browser.execute_script(
        "var d = kgViewer.data.claims; return Object.keys(d).find(k => d[k].type === 'troop_deployment'"
        " && d[k].status === 'disputed')")
    browser.execute_script("kgViewer.showClaim(arguments[0])", claim)
    text = details_text(browser)
    assert "denied or not confirmed" in text
    assert "Corée du Sud claims" in text and "Russie no comment" in text
    assert "~12000 soldier" in text and "Seoul says about 12,000" in text


def visible(browser):
    return browser.execute_script(
        "return [kgViewer.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort(),"
        " Array.from(new Set(kgViewer.edges.get({filter: e => !e.hidden}).map(e => e.ctype))).sort()]")


def test_filters_by_claim_type_country_and_date(browser, page):
    from selenium.webdriver.support.ui import Select

    open_page(browser, page)
    for box in browser.find_elements("css selector", "#kg-types input"):
        if box.get_attribute("value") != "treaty_obligation":
            box.click()
    nodes, types = visible(browser)
    assert types == ["treaty_obligation"]
    assert nodes == ["Q159", "Q423", "treaty-traite-de-partenariat-strategique-global"]
    screenshot(browser, "filtered-by-type")
    browser.find_element("id", "kg-reset").click()
    Select(browser.find_element("id", "kg-country")).select_by_visible_text("Ukraine")
    nodes, types = visible(browser)
    assert "Q212" in nodes and "Q7184" not in nodes  # NATO says nothing about Ukraine
    assert "military_aid" in types  # Kiev claims the shells were sent
    browser.find_element("id", "kg-reset").click()
    Select(browser.find_element("id", "kg-date-from")).select_by_visible_text("2024-11")
    browser.find_element("id", "kg-undated").click()
    nodes, types = visible(browser)
    # a claim dated "2024" may fall in November: it stays; one of 2024-10 goes
    assert types == ["military_aid", "sanctions", "treaty_ratification", "troop_deployment"]
    assert "showing 4 of 13 claims" in browser.find_element("id", "kg-shown").text


def test_search_finds_an_entity_by_alias_and_focuses_it(browser, page):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, page)
    box = browser.find_element("id", "kg-search")
    box.send_keys("poutine")
    results = browser.find_element("id", "kg-search-results").text
    assert "Vladimir Poutine" in results
    box.send_keys(Keys.ENTER)
    assert details_text(browser).startswith("Vladimir Poutine")
    assert browser.execute_script("return kgViewer.network.getSelectedNodes()") == ["Q7747"]
    box.clear()
    box.send_keys("coree du")  # accents and case do not matter
    assert {"Corée du Nord"} <= set(browser.find_element("id", "kg-search-results").text.splitlines())


def test_the_page_policy_blocks_markup_even_if_some_got_in(browser, page):
    """Defence in depth: were an article's markup ever inserted, it still could not run."""
    open_page(browser, page)
    browser.execute_script(
        "document.getElementById('kg-details').insertAdjacentHTML('beforeend',"
        " '<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1<\\/script>')")
    time.sleep(0.3)
    assert not pwned(browser)


def test_the_graph_stays_still(browser, page):
    open_page(browser, page)
    before = browser.execute_script("return kgViewer.network.getPositions()")
    time.sleep(0.5)
    assert browser.execute_script("return kgViewer.network.getPositions()") == before
    assert not pwned(browser)


def magenta_pixels(browser):
    """Painted canvas pixels in the contested halo's magenta (no node or claim type uses it)."""
    return browser.execute_script(
        "var c = document.querySelector('#mynetwork canvas'), d = c.getContext('2d')"
        ".getImageData(0, 0, c.width, c.height).data, n = 0;"
        "for (var i = 0; i < d.length; i += 4)"
        "  if (d[i + 3] > 100 && d[i] > 150 && d[i + 1] < 120 && d[i + 2] > 120) n++;"
        "return n;")


def report_rows(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-details table.kg-reports tbody tr'))"
        ".map(r => [r.className].concat(Array.from(r.cells).map(c => c.textContent)))")


def test_a_contested_event_stands_out_and_its_reports_sit_side_by_side(browser, events_page):
    open_page(browser, events_page)
    assert "\u26a0 contested: figures differ" in details_text(browser)  # the legend, in the hint
    swatch = browser.execute_script(
        "return getComputedStyle(document.getElementById('kg-contested-swatch')).boxShadow")
    assert "rgba(208, 0, 176" in swatch
    marked = browser.execute_script(
        "return kgViewer.edges.get({filter: e => e.contested.length}).map(e => e.ctype + ' ' + e.label)")
    # the reports of one relationship are one edge, with their number: three claim the
    # deployment (alleged, x3; and x3 fighting alongside Russia), one denies it
    assert sorted(marked) == ["troop_deployment \u26a0 troop deployment",
                              "troop_deployment \u26a0 troop deployment (alongside) \u00d73",
                              "troop_deployment \u26a0 troop deployment \u00d73"]
    assert magenta_pixels(browser) > 200  # the halo is really painted

    start, end = node_position(browser, "Q423"), node_position(browser, "place-kursk-oblast")
    canvas_point(browser, (start["x"] + end["x"]) / 2, (start["y"] + end["y"]) / 2).click().perform()
    time.sleep(0.2)
    text = details_text(browser)
    assert "\u26a0 contested: counts, denied" in text and "3 reports" in text
    assert "Ukraine claims" in text and "South Korea claims" in text and "United States claims" in text
    # a report of the edge leads to its claim, which shows every report of its event
    browser.find_element("xpath", "//ul[@class='kg-report-list']/li[1]/button").click()
    time.sleep(0.2)
    rows = report_rows(browser)
    assert [row[1:4] for row in rows] == [
        ["~10000 soldier", "2024-11", "United States claims"],
        ["\u2014", "2024-11-04", "North Korea denies"],
        ["11000 soldier", "2024-11", "Ukraine claims"],
        ["10000-12000 soldier", "2024-11", "South Korea claims"]]
    assert rows[1][4] == "Pyongyang denies sending troops to Russia"
    assert [row[0] for row in rows].count("kg-this") == 1  # the clicked report is marked
    screenshot(browser, "contested-clicked")

    # another report's article title leads to that report
    denial = browser.find_element("xpath", "//table[@class='kg-reports']//button[starts-with(., 'Pyongyang')]")
    denial.click()
    text = details_text(browser)
    assert "denied that any of its soldiers were in the Kursk region" in text
    assert report_rows(browser)[1][0] == "kg-this"
    assert not pwned(browser) and injected_elements(browser) == 0


def test_contested_only_hides_uncontested_claims(browser, events_page):
    open_page(browser, events_page)
    box = browser.find_element("id", "kg-contested")
    assert not box.is_selected() and "contested only" in box.find_element("xpath", "..").text
    box.click()
    nodes, types = visible(browser)
    assert types == ["troop_deployment"]
    assert nodes == ["Q159", "Q423", "place-kursk-oblast"]  # Moscow, Choe Son Hui, the treaty go
    assert "showing 4 of 8 claims" in browser.find_element("id", "kg-shown").text
    screenshot(browser, "contested-only")
    browser.find_element("id", "kg-reset").click()
    assert not box.is_selected() and "showing 8 of 8 claims" in browser.find_element("id", "kg-shown").text


@pytest.fixture(scope="module")
def crowded_page(tmp_path_factory):
    """45 articles report one sanction (one edge x45, dated Jan. to Sept.); the hub
    cooperates with 320 partners, one report each: 321 edges, more than the page draws."""
    from kg.model import Claim, Corpus, Document, EntityRef, Evidence

    hub, target = EntityRef("Q1", "Hubland", "Q1", "Country"), EntityRef("Q2", "Targetia", "Q2", "Country")
    documents = [Document(f"doc-{i:03d}", "", "en", f"Dispatch {i} <script>window.__pwned=1</script>",
                          "2024-10-01", None) for i in range(45)]
    claims = [Claim("sanctions", d.id, {"imposer": [hub], "target": [target]},
                    [Evidence(d.id, 0, 20, f"Hubland sanctions Targetia, dispatch {i} says.")], "test.crowd",
                    date=f"2024-0{1 + i % 9}")
              for i, d in enumerate(documents)]
    claims += [Claim("cooperation", "doc-000", {"parties": [hub, EntityRef(f"p{i:03d}", f"Partner {i}", None, "Country")]},
                     [Evidence("doc-000", 0, 10, f"Hubland works with partner {i}.")], "test.crowd")
               for i in range(320)]
    return write_viewer(Corpus(documents=documents, claims=claims), tmp_path_factory.mktemp("crowd") / "graph.html")


def test_a_crowded_graph_draws_its_heaviest_edges_and_says_what_it_leaves_out(browser, crowded_page):
    open_page(browser, crowded_page)
    assert browser.execute_script("return kgViewer.edges.length") == 300
    assert browser.execute_script("return kgViewer.allEdges.length") == 321
    heaviest = browser.execute_script("return kgViewer.edges.get({filter: e => e.ctype === 'sanctions'})")
    assert [e["label"] for e in heaviest] == ["sanctions \u00d745"]
    message = browser.find_element("id", "kg-capped")
    assert message.is_displayed() and "21 lighter edges are left out" in message.text
    screenshot(browser, "crowded")

    # the neighbourhood of the target: it and the hub, one edge; nothing left out
    browser.execute_script("kgViewer.showNeighbourhood('Q2')")
    assert sorted(browser.execute_script("return kgViewer.nodes.getIds()")) == ["Q1", "Q2"]
    assert not message.is_displayed()
    # two hops reach every partner of the hub: capped again
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element("id", "kg-hops")).select_by_value("2")
    assert browser.execute_script("return kgViewer.edges.length") == 300 and message.is_displayed()
    browser.find_element("id", "kg-reset").click()
    assert browser.execute_script("return document.getElementById('kg-focus').value") == ""


def test_an_edge_lists_its_reports_page_by_page_and_filters_count_reports(browser, crowded_page):
    from selenium.webdriver.support.ui import Select

    open_page(browser, crowded_page)
    edge = browser.execute_script("return kgViewer.edges.get({filter: e => e.ctype === 'sanctions'})[0].id")
    browser.execute_script("kgViewer.showEdge(arguments[0])", edge)
    text = details_text(browser)
    assert "45 reports" in text and "page 1 of 3" in text
    items = lambda: browser.find_elements("css selector", "#kg-details ul.kg-report-list li")
    assert len(items()) == 20 and "Dispatch 0 <script>" in items()[0].text
    browser.find_element("xpath", "//p[@class='kg-pager']/button[starts-with(., 'next')]").click()
    assert "page 2 of 3" in details_text(browser) and len(items()) == 20
    # the date filter applies to the reports: Jan. to March keeps 15 of the 45
    Select(browser.find_element("id", "kg-date-to")).select_by_visible_text("2024-03")
    label = browser.execute_script("return kgViewer.edges.get(arguments[0]).label", edge)
    assert label == "sanctions \u00d715"
    browser.execute_script("kgViewer.showEdge(arguments[0])", edge)
    assert "15 reports (of 45, filters on)" in details_text(browser)
    assert not pwned(browser) and injected_elements(browser) == 0
