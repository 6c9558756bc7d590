"""A plain (non-editable) install works: the wheel carries the ontology, and kg
installed from it reads its own copy, whatever the current directory.

Builds the wheel offline from a copy of the sources (no build isolation, no
index), so it needs setuptools and a bdist_wheel command in the venv.
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "kg", "ontology")


def _can_build_wheels() -> bool:
    if importlib.util.find_spec("setuptools") is None:
        return False
    import setuptools

    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


pytestmark = pytest.mark.skipif(not _can_build_wheels(),
                                reason="building a wheel offline needs setuptools>=70.1 or the wheel package")


def _files(root: Path, under: str) -> set[str]:
    return {f"{under}/{path.relative_to(root).as_posix()}" for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    process = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                              "--no-index", str(source), "-w", str(out)], capture_output=True, text=True)
    assert process.returncode == 0, process.stderr[-2000:]
    return next(out.glob("kg-*.whl"))


def test_the_wheel_holds_the_ontology_the_code_and_the_viewer_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert _files(ROOT / "ontology", "kg/ontology") <= names
    assert {name for name in _files(ROOT / "kg", "kg") if name.endswith((".py", ".html", ".css", ".js"))} <= names


def test_kg_installed_from_the_wheel_reads_its_own_ontology(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target",
                    str(target), str(wheel)], check=True)
    script = ("import kg, kg.lexicons as lexicons\n"
              "from kg.ontology_schema import check_ontology\n"
              "from kg.extract.quantities import find_quantities\n"
              "check_ontology()\n"
              "print(kg.__file__)\n"
              "print(lexicons.ontology_dir())\n"
              "print(find_quantities('environ 11 000 soldats', 'fr')[0].quantity.unit)\n"
              "print(find_quantities('deux cent cinquante soldats', 'fr')[0].quantity.value)\n")
    env = {key: value for key, value in os.environ.items() if key != "KG_ONTOLOGY_DIR"}
    env["PYTHONPATH"] = str(target)
    process = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    package, ontology, unit, words = process.stdout.split("\n")[:4]
    assert Path(package).parent == target / "kg"
    assert Path(ontology) == (target / "kg" / "ontology").resolve()
    assert unit == "soldier"
    assert words == "250.0"  # numbers in words, through text2num


def test_the_wheel_declares_its_runtime_dependencies(wheel):
    """pip installs what kg imports: text2num reads the numbers written in words."""
    archive = zipfile.ZipFile(wheel)
    metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    required = {match.group(1).lower() for match in re.finditer(r"^Requires-Dist: *([\w.-]+)", metadata, re.M)}
    assert {"text2num", "spacy", "rdflib", "pyyaml"} <= required
