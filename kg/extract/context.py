"""What the claim rules know about one sentence: its mentions, its claimants, the
article around it, and (read only when a rule asks) its dates and quantities."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from ..model import Evidence
from ..dates import find_dates
from .quantities import find_quantities

__all__ = ["SentenceContext", "doc_dateline", "doc_text", "sentence_text"]


@dataclass
class SentenceContext:
    """Everything the claim rules need to know about one sentence. The rules only
    read it: what the article remembers is kg.extract.pipeline's to update."""
    doc_id: str
    lang: str
    sentence: object            # spaCy Span
    mentions: list              # Mention objects inside the sentence
    published: str | None       # the article's date, that relative dates count from
    claimant_tokens: dict = field(default_factory=dict)  # token of a claimant -> its cue's verb (or None)
    claimant_ids: set = field(default_factory=set)       # entities that claim something in the sentence
    previous: dict = field(default_factory=dict)       # claim type -> the article's claims of it so far
    pair: list = field(default_factory=list)           # the two states the article is about
    home: object = None                                # the state the publisher speaks for, if any

    @cached_property
    def dates(self) -> list:
        """DateMatch of the sentence (offsets into the body), read only when a rule asks."""
        return _shifted(find_dates(sentence_text(self.sentence), self.lang, self.published), self.sentence.start_char)

    @cached_property
    def quantities(self) -> list:
        """QuantityMatch of the sentence (offsets into the body), read only when a rule asks."""
        return _shifted(find_quantities(sentence_text(self.sentence), self.lang), self.sentence.start_char)

    def knowing(self, previous: dict) -> "SentenceContext":
        """The same sentence with other earlier claims (``previous``); its dates and
        quantities, if already read, are kept."""
        other = replace(self, previous=previous)
        other.__dict__.update({k: v for k, v in self.__dict__.items() if k in ("dates", "quantities")})
        return other

    @property
    def evidence(self) -> Evidence:
        """The sentence, without the line breaks that end a paragraph."""
        s = self.sentence
        text = sentence_text(s).rstrip()
        return Evidence(self.doc_id, s.start_char, s.start_char + len(text), text)


def _shifted(matches, offset: int) -> list:
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in matches]


def doc_text(doc) -> str:
    """The Doc's text, joined once: spaCy's ``doc.text`` joins every token at each call,
    and the rules ask for it for each sentence and cue (the square of an article's length)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def sentence_text(span) -> str:
    """A span's text (``span.text``), cut from the Doc's text joined once rather than
    joined again from its tokens: the rules ask for each sentence's, several times."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_dateline(doc):
    """The dateline opening a parsed article (kg.text.find_dateline), read once: the
    rules ask for each mention and claim, and ``doc.text`` is rebuilt at every call
    (that made long articles cost the square of their length)."""
    if "kg_dateline" not in doc.user_data:
        from ..text import find_dateline  # imported here only, where the dateline is first read

        # a dateline spans < 100 characters
        doc.user_data["kg_dateline"] = find_dateline(doc[:120].text) or _after_headline(doc_text(doc))
    return doc.user_data["kg_dateline"]


def _after_headline(text: str):
    """"Titre\n\nPARIS (Le Monde) - ...": the dateline opening the line after a headline
    (a first line that ends no sentence), with offsets into the whole text; else None."""
    from dataclasses import replace

    from ..text import find_dateline

    end = text.find("\n", 0, 200)
    if end <= 0 or text[:end].rstrip().endswith((".", "!", "?", "…", ":")):
        return None
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    found = find_dateline(text[start:start + 120])
    return replace(found, place_end=start + found.place_end, end=start + found.end, start=start) if found else None
