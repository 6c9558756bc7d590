"""The rule suite: every case of tests/rules/*.yaml, one test each, and the check
that every frame of ontology/lexicons/<lang>/claims.yaml has cases of both kinds.

Format and how to add a case: tests/rules/README.md.
"""
from __future__ import annotations

import pytest
import yaml

from rule_cases import (CaseError, all_cases, check_case, compact, extracted, known_rules, load_file, matches,
                        rule_files, LEXICONS_DIR)


def _params():
    params = []
    for case in all_cases():
        reason = case.raw.get("xfail") if isinstance(case.raw, dict) else None
        # strict: a case the rules come to pass tells its writer to drop the mark
        marks = [pytest.mark.xfail(reason=str(reason), strict=True)] if reason else []
        params.append(pytest.param(case, id=case.label, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_rule_case(case):
    try:
        check_case(case)
        problem = None
    except CaseError as error:
        problem = str(error)
    if problem:
        pytest.fail(problem, pytrace=False)
    claims, error = extracted(case.path)[case.doc_id]
    if error is not None:
        pytest.fail(f"extraction failed on {case.label}: {error}", pytrace=False)
    problems = []
    for spec in case.raw.get("must") or []:
        if not any(matches(claim, spec, exact=True) for claim in claims):
            problems.append(f"missing   {_show(spec)}")
    for spec in case.raw.get("must_not") or []:
        for claim in claims:
            if matches(claim, spec, exact=False):
                problems.append(f"forbidden {_show(spec)}\n      matched {compact(claim)}")
    gave = "\n".join(f"    {compact(c)}" for c in claims) or "    (no claim)"
    if problems:
        report = "\n  ".join([case.raw["text"], *problems, "the text gave:"])
        pytest.fail(f"{report}\n{gave}", pytrace=False)


def _show(spec: dict) -> str:
    return yaml.safe_dump(spec, default_flow_style=True, allow_unicode=True, sort_keys=False).strip()


def test_every_case_follows_the_schema():
    """Checked here for every case, xfail or not, so that a typo never hides behind
    an expected failure."""
    problems = []
    for path in rule_files():
        try:
            cases = load_file(path)[1]
        except CaseError as error:
            problems.append(str(error))
            continue
        for case in cases:
            try:
                check_case(case)
            except CaseError as error:
                problems.append(str(error))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def _frames_by_language() -> dict[str, dict[str, str]]:
    return {path.parent.name: known_rules(path.parent.name) for path in sorted(LEXICONS_DIR.glob("*/claims.yaml"))}


def test_every_frame_has_a_positive_and_a_negative_case():
    """A positive case has a ``must`` with ``rule: <id>``; a negative one a ``must_not``
    naming the rule, or the frame's claim type without a rule, on a near miss."""
    positive, negative = set(), set()
    for case in all_cases():
        if not isinstance(case.raw, dict):
            continue
        for spec in case.raw.get("must") or []:
            if isinstance(spec, dict) and "rule" in spec:
                positive.add(spec["rule"])
        for spec in case.raw.get("must_not") or []:
            if isinstance(spec, dict) and "rule" in spec:
                negative.add(spec["rule"])
            elif isinstance(spec, dict) and "type" in spec:
                negative.update(rule for rule, claim_type in known_rules(case.lang).items()
                                if claim_type == spec["type"])
    missing = []
    for lang, rules in _frames_by_language().items():
        for rule in rules:
            lacks = [kind for kind, seen in (("positive", positive), ("negative", negative)) if rule not in seen]
            if lacks:
                where = f"ontology/lexicons/{lang}/claims.yaml"
                missing.append(f"{rule} ({where}) lacks a {' and a '.join(lacks)} case")
    if missing:
        pytest.fail("add cases to tests/rules/<lang>*.yaml (see tests/rules/README.md):\n  "
                    + "\n  ".join(missing), pytrace=False)
