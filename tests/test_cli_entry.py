"""kg.cli.entry: the ``kg`` process ends without tearing Python down, with the command's status
and every byte of its output."""
import json
import subprocess
import sys
from pathlib import Path

ARTICLES = Path(__file__).parent / "fixtures" / "articles" / "good"


def _kg(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, **kwargs)


def test_a_build_and_a_listing_end_with_status_0_and_all_their_output(tmp_path):
    out = tmp_path / "out"
    built = _kg("build", str(ARTICLES), "-o", str(out))
    assert built.returncode == 0, built.stderr
    claims = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert claims and all(json.loads(line)["id"] for line in claims)  # written whole
    listed = _kg("claims", "--format", "jsonl", "--graph", str(out))
    assert listed.returncode == 0
    assert len(listed.stdout.splitlines()) == len(claims)  # the standard output flushed before the end


def test_an_error_ends_with_status_1_and_its_one_line():
    failed = _kg("claims", "--graph", "/nonexistent/kg-build")
    assert failed.returncode == 1
    assert failed.stderr.count("\n") == 1 and "kg build" in failed.stderr


def test_a_bad_option_ends_with_clicks_status_2():
    assert _kg("claims", "--no-such-option").returncode == 2


def test_a_closed_pipe_is_no_traceback(tmp_path):
    out = tmp_path / "out"
    assert _kg("build", str(ARTICLES), "-o", str(out)).returncode == 0
    with subprocess.Popen([sys.executable, "-m", "kg", "claims", "--format", "jsonl", "--graph", str(out)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as listing:
        listing.stdout.readline()
        listing.stdout.close()  # as `kg claims | head -1` does
        listing.wait(timeout=60)
        assert "Traceback" not in listing.stderr.read().decode()
