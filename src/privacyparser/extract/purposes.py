"""Purposes: why data is processed, read from purpose clauses and from the purpose vocabulary.

A purpose is usually written as a clause: "we use your address *to deliver your order*",
"data is kept *for the operation and maintenance of the service*", "*so that we can*
answer you", a list item "*To manage your account;*" under "We use your data:". The
clause is the evidence; the vocabulary (purposes.json `purposes`) matched inside it
names its category, and the verb heading it is the fallback ("to improve ..." is
analytics_research). How clauses are written is data too (purposes.json `clauses`).

A clause counts when

- it heads its sentence or list item ("To process your payment;", "To provide the
  service, we collect ..."), unless the sentence is an instruction to the user ("To
  opt out, click ...") or the goal is the user's ("To contact us ...");
- or something in the sentence before it states a practice ("we use", "is shared",
  "cookies", "in order"), and the words just before "to" do not make it the user's
  ("you have the right to", "we may ask you to").

- or it opens a list line: an imperative ("Comply with a legal obligation;") outside
  lists of rights and choices, or a short item under a purpose intro that names a purpose
  (a purpose verb, gerund, noun or phrase; not a name, a label or a kind of data);
- or, in a section about uses or purposes, it is a plain-verb statement by the provider
  ("We may also send you updates and important notifications").

Commitments and descriptions ("we take measures to protect", "information used to
identify you") are no clauses, and the vocabulary inside them is no purpose.

A vocabulary phrase outside every clause is kept as before (a practice sentence), except
phrases marked `needs_clause`: "merger", "law enforcement", "required by law" name the
circumstance in which data is disclosed ("if we are involved in a merger"), not why it
is processed, unless a clause says so ("to evaluate a merger"); a merger, and a
disclosure "if required by law" (OPP-115's legal-requirement purpose of sharing), give
one record per sentence. Sentences about the
user's choices ("you can opt out of marketing emails") state no purpose, nor do sections
about the user's rights (purposes.json `rights_heading`), outside lists of purposes.

Every regex is bounded and runs at most once per sentence (the heading checks once per
list line); work is linear in the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from privacyparser.extract.context import DocumentContext, SectionInfo
from privacyparser.extract.negation import is_negated
from privacyparser.extract.practices import PracticeGate, SentenceInfo, addresses_specific_audience
from privacyparser.models import Purpose, PurposeCategory
from privacyparser.pipeline.clauses import PURPOSE
from privacyparser.prefilter import remembered, trie_regex
from privacyparser.regex_cache import compile_regex
from privacyparser.rules import PurposeClauseRules, PurposeRule

# How far back a list line looks for the sentence that introduces its list.
_MAX_LIST_LINES = 60
# A list item read as a purpose is short: "Placing and managing orders".
_MAX_ITEM_WORDS = 12
# Longest heading, in words, read as a heading; a longer one is a paragraph set in bold.
_MAX_HEADING_WORDS = 20
# How far back from a clause the words that make it the user's are looked for
# ("you should check their terms and ask them directly to ...").
_BEFORE = 60
# Longest clause kept as evidence, in characters; it is cut at a word boundary.
_MAX_CLAUSE = 180
# Categories whose phrases name a purpose more precisely than the generic "provide ..."
_GENERIC_CATEGORIES = ("basic_service", "other")
# The category of a clause that neither a phrase nor its verb names.
_KIND_CATEGORY = {
    "item": "basic_service",
    "noun": "basic_service",
    "exp": "personalization",
    "so": "basic_service",
    "plain": "basic_service",
    "any": "basic_service",
}
# Kinds of `start` match that name their clauses as another kind does (the rule id says
# how the clause is written: "clause_verb" is any purpose verb after "to").
_CLAUSE_KIND = {"ing2": "ing", "verb3": "verb"}
# Words after "to" that are no verb, so that "to" is a preposition ("sent to the
# partners and ..."): determiners, pronouns, and plural nouns ("to partners and");
# and the verbs of the user's own requests ("to access and update your profile").
_NOT_A_VERB = re.compile(
    r"(?:the|a|an|your|our|their|its|his|her|this|that|these|those|us|you|them|him|it|me|any|all|other|"
    r"third|such|each|every|some|one|which|whom|whose|whether|what|how|where|when|date|time|[a-z-]*[^s]s|"
    r"access|view|correct|update|amend|delete|erase|edit|download|export)"
)
# Purpose verbs that, joined to an operation on data ("to collect and track ..."), name
# another operation rather than what it is for.
_OPERATION = re.compile(r"track|store your|save your|access your|transmit your|aggregate|compile|record")
# What turns "law" into a longer noun: "law enforcement", "law firms".
_LAW_NOUN = re.compile(r"[ -](?:enforcement|firms?|schools?)\b")
# What turns a purpose phrase into the name of a recipient or a product: "analytics
# providers" and "advertising partners" receive data, "a web analytics service" is what a
# tool is; neither is why data is processed. (A phrase that ends in a determiner, "to
# operate our", awaits its noun: "service" there is what is operated.)
_RECIPIENT_NOUN = re.compile(
    r"[ -](?:partners?|providers?|companies|networks?|vendors?|agencies|services?|tools?|software|platforms?)\b"
)
_DETERMINER_END = (" our", " the", " your", " their", " its", " a", " an")
# A main clause about the user after an opening purpose: "In order to buy tickets, or to
# sign in, you must ..." states the user's goal, not the provider's.
_WE = re.compile(r"\bwe\b")
_USER_CLAUSE = re.compile(r",\s*(?:you|users?|visitors?|customers?|parents?|please)\b")
# A short label before a colon ("Session cookie: to ...", "Analytics - to ...").
_LABEL = re.compile(r"[^.;:!?\n]{1,40}(?::|\s[-–—])\s*")
# The marks that open a bulleted list item.
_BULLET = re.compile(r"[•●·▪◦‣∙*-]")
# What opens a list item or a numbered paragraph: "(e) ", "1. ", "5.1.4 ", "2.3.b.1 ",
# "1.1.a) ", "· ", "- ".
_LEAD = re.compile(
    r"[^\w(]{0,4}(?:(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,3})[.)]|\d{1,3}(?:\.(?:\d{1,3}|[a-z]))+[.)]?)\s+)?[^\w(]{0,3}"
)
# Where a purpose clause ends. Every way of ending opens with one of the characters of
# the first class: read first, they let `re` skip the letters between them (`_clause_end`
# asks only where a match begins).
_CLAUSE_END = re.compile(
    r"[.;:!?()\[\]\n,\s](?:(?<=[.;:!?()\[\]\n])"
    r"|(?<=,)\s*(?=(?:and |or |and/or )?(?:to|in order|for|so|which|who|whom|where|when|if|unless|including|"
    r"such as|as|but|while|whether|we|you|they|it|this|these|please|provided|except|because|since|e\.g|i\.e|etc|"
    r"among|by|with|via|through|in|on|at|from|without|subject|whereas|although|however|our|your)\b)"
    r"|(?<=\s)(?:and|or|and/or)\s(?=(?:to|in order to|for the purposes?|so that|we|you|they|it|as|where|when|if)\b)"
    # "... processing your request and the agent will need ...": a new subject ends it.
    r"|(?<=\s)(?:and|or|but)\s(?=(?:the|your|our|their|its|this|that|such|these|those|a|an|any)\s+[\w-]{1,30}"
    r"(?:\s+[\w-]{1,30})?\s+(?:will|would|may|might|can|could|must|shall|should|is|are|was|were|has|have|had|"
    r"requires?|needs?|does|do)\b)"
    r"|(?<=\s)(?=but\b|as (?:you|we|they|users?)\b)"
    # "... to perform these tasks and are obliged not to ...": a duty of the subject follows.
    r"|(?<=\s)(?:and|but)\s(?=(?:are|is|shall|will|must)\s+(?:be\s+)?(?:not\s+)?(?:obligated|obliged|required|"
    r"responsible|liable|bound|prohibited)\b)"
    # "... to send receipts, not for marketing": the contrast names what is not done.
    r"|(?<=,)\s*(?=(?:not|never) (?:for|to)\b)|(?<=\s)(?=(?:and|or) (?:not|never) (?:for|to)\b)"
    r"|(?<=\s)(?=(?:if you|if we|unless|except|when you|whenever|where (?:required|necessary|permitted|applicable|"
    r"appropriate|we|you)|in accordance|as described|as set out|as outlined|as permitted|as required|as necessary|"
    r"subject to|in compliance with (?:this|our)|on the basis|based on (?:our|your|the legal)|pursuant to|"
    r"and other purposes|or other purposes|so that|so as to)\b))"
)
# What opens a list after "for the following purposes".
# "For other purposes: We may use ..." is a label before a sentence, not a list.
_LIST_AFTER = re.compile(
    r",?\s*(?::|such as|including(?:,?\s*(?:but not limited to|without limitation),?)?|namely)\s*+"
    r"(?!(?:we|you|they|it|our|your|the|this|these|such|if|when)\b)"
)
# What lies between a purpose label and its restatement: "To contact you: to contact you by".
_RESTATED = re.compile(r"\s*[:\-–—]\s*")
# An enumerator inside a sentence: "(1)", "(b)", "(iii)".
_ENUM = r"\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)"
# An adverb between "to" and its verb: "to further develop", "to continually improve";
# "be able to" goes there too ("to be able to contact you").
_ADVERB = (
    r"(?:better|further|continually|continuously|constantly|regularly|also|generally|more generally|primarily|"
    r"mainly|only|solely|properly|effectively|efficiently|securely|safely|be able to)"
)
# An aside between "to" and its verb: "to, for example, show trends".
_ASIDE = r",\s*(?:for example|for instance|e\.\s?g\.|among other things),"
# An infinitive that opens a list line, whatever its verb: "To scout new players;".
_INFINITIVE_HEAD = re.compile(rf"(?:in order |so as )?to\s+(?:{_ADVERB}\s+)?(?P<verb>[a-z][a-z-]{{1,20}})\b")
# Words that begin a noun phrase, never a verb: "in order to better our service" reads
# "better" as the verb, not as an adverb before "our".
_DETERMINER = r"(?:the|a|an|our|your|their|its|this|these|those|any|all|such)"
_EXAMPLE = re.compile(r"\s*(?:for example|for instance|e\.\s?g\.|such as|including)")
_CUT_WORD = re.compile(r"\s+\S*$")
# Words a clause does not end with ("to manage and", "for the").
_TRAILING_WORDS = ("and", "or", "and/or", "the", "a", "an", "of", "to", "for", "with", "our", "your", "its", "their")
_TRAILING = re.compile(r"[\s,\-–—/&]+$|\s+(?:" + "|".join(_TRAILING_WORDS) + ")$")


def _trailing(text: str, start: int, end: int) -> int | None:
    """Where `_TRAILING` matches in text[start:end], or None.

    A text that ends with a letter or digit and with none of the trailing words has no
    match (the pattern ends each match at the end of the text), and most clauses end so:
    they need no search.
    """
    if end > start and text[end - 1].isalnum() and not text.endswith(_TRAILING_WORDS, start, end):
        return None
    found = _TRAILING.search(text, start, end)
    return None if found is None else found.start()


# What a cache holds for a key it has not seen (its values may be None).
_UNKNOWN: Any = object()
# A section about what is collected, not about uses.
_COLLECTION_TITLE = re.compile(r"\b(?:collect\w*|gather\w*|information|data)\b")
_USE_TITLE = re.compile(r"\b(?:use|uses|using|purposes?|why)\b")


@dataclass(frozen=True)
class ClausePatterns:
    """Regexes built once from the clause vocabulary."""

    rules: PurposeClauseRules
    start: re.Pattern[str]
    enum: re.Pattern[str]
    split: re.Pattern[str]
    line_head: re.Pattern[str]
    item_signal: re.Pattern[str]
    statement: re.Pattern[str]
    verb_category: dict[str, str]
    # The rules searched over stretches of text, each behind a lookahead of the strings
    # its matches open with (`_fast`): the same matches, found sooner.
    commitment: re.Pattern[str]
    context: re.Pattern[str]
    not_before: re.Pattern[str]
    no_purpose_before: re.Pattern[str]
    user_choice: re.Pattern[str]
    circumstance_before: re.Pattern[str]
    single_word_before: re.Pattern[str]


def _verb_forms(verb: str) -> tuple[list[str], list[str]]:
    """Base and -ing forms of a verb or phrasal verb ("carry out" -> "carrying out")."""
    head, _, rest = verb.partition(" ")
    tail = " " + rest if rest else ""
    ing = {head + "ing"}
    if head.endswith("e") and not head.endswith(("ee", "ye")):
        ing = {head[:-1] + "ing"}
    elif re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head):
        ing.add(head + head[-1] + "ing")
    return [verb], [form + tail for form in sorted(ing)]


# Most strings an opening guard lists ("in order to", "to", "for", ...).
_MAX_OPENINGS = 64


def _openings(pattern: str, flags: int = 0) -> tuple[frozenset[str], bool] | None:
    """The strings every match of `pattern` opens with, and whether every match opens at
    a word boundary; None when unknown.

    A pattern searched over a sentence is tried at every position; behind a lookahead
    of its openings ("to", "for", "in order to", ...) `re` drops most positions after a
    letter or two instead of trying each alternative there.

    >>> sorted(_openings(r"\\b(?:to|in order to)\\s+\\w+|\\bfor\\b")[0])
    ['for', 'in order to', 'to']
    """
    try:
        tree = sre_parse.parse(pattern, flags)
    except Exception:  # an internal parser, used only as a hint: any failure means "unknown"
        return None
    strings, _, bounded = _lead(list(tree))
    if not strings or "" in strings:
        return None
    return frozenset(strings), bounded


def _lead(items: list[Any]) -> tuple[set[str], bool, bool]:
    """(strings every match of the sequence `items` opens with, whether those strings are
    the whole matches, whether a word boundary is asserted before the first character)."""
    out, whole, bounded = {""}, True, False
    for op, av in items:
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            # Zero width: nothing read. A boundary before the first character opens the match.
            bounded = bounded or (op is sre.AT and av is sre.AT_BOUNDARY and out == {""})
            continue
        if op is sre.LITERAL:
            strings, item_whole, item_bounded = {chr(av)}, True, False
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            strings, item_whole, item_bounded = {chr(value) for _, value in av}, True, False
        elif op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            strings, item_whole, item_bounded = _lead(list(av[-1]))
        elif op is sre.BRANCH:
            leads = [_lead(list(branch)) for branch in av[1]]
            strings = {s for lead in leads for s in lead[0]}
            item_whole = all(lead[1] for lead in leads)
            item_bounded = all(lead[2] for lead in leads)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            strings, _, item_bounded = _lead(list(av[2]))
            item_whole = False
        else:
            return out, False, bounded
        if out == {""}:
            bounded = bounded or item_bounded
        joined = {a + b for a in out for b in strings}
        if len(joined) > _MAX_OPENINGS:
            # Too many to list: their first letters (or first few) still open every match.
            return _shortest_prefixes(joined), False, bounded
        out, whole = joined, item_whole
        if not whole:
            break
    return out, whole, bounded


def _shortest_prefixes(strings: set[str]) -> set[str]:
    """The longest prefixes of `strings`, cut to one length, of which there are at most
    `_MAX_OPENINGS` (all of them when even their first letters are more)."""
    for length in range(max(map(len, strings)) - 1, 0, -1):
        cut = {s[:length] for s in strings}
        if len(cut) <= _MAX_OPENINGS:
            return cut
    return {""}


def _patterns(rules: PurposeClauseRules) -> ClausePatterns:
    return remembered(rules, "purposes.clause_patterns", lambda: _build_patterns(rules))


def _build_patterns(rules: PurposeClauseRules) -> ClausePatterns:
    base: list[str] = []
    gerunds: list[str] = []
    category: dict[str, str] = {}
    for verb, cat in rules.verbs.items():
        forms, ing_forms = _verb_forms(verb)
        base += forms
        gerunds += ing_forms
        for form in forms + ing_forms:
            category[form] = cat
    verbs, ings, nominals = trie_regex(base), trie_regex(gerunds), trie_regex(list(rules.nominals))
    # Compiled once, behind its lookahead (`_fast`): the bare pattern is never run.
    start = _fast(
        # "to improve", "in order to process", "help us to develop", "allow us improve",
        # "to further develop"
        rf"\b(?:in order to|so as to|to)(?:{_ASIDE})?\s+(?:{_ENUM}\s+)?"
        rf"(?:(?:help|assist|allow|enable) us (?:to )?|{_ADVERB}\s+)?"
        rf"(?P<verb>{verbs})\b(?![@/]|\.\w)"
        rf"|\b(?:help|helps|helping|helped|allow|allows|allowing|enable|enables|enabling|let|lets|permit|permits)\s+us\s+"
        rf"(?:to\s+)?(?P<verb2>{verbs})\b(?![@/]|\.\w)"
        # "in order to make the app available": "in order to" marks a purpose whatever its verb.
        rf"|\b(?:in order to|so as to)\s+(?:{_ADVERB}\s+)?"
        rf"(?P<any>(?!be\b|do\b|so\b|{_DETERMINER}\b)[a-z][a-z-]{{1,20}})\b"
        # "to gather usage data and improve the app": a purpose verb joined by "and" to
        # an infinitive whose own verb names no purpose (tried after the forms above).
        # Another "to" in between begins a clause of its own, found on its own.
        rf"|\bto\s+(?P<first3>[a-z][a-z-]{{1,20}})\s+(?:(?!to\b)[\w'-]+,?\s+){{0,4}}?(?:and|or|and/or)\s+"
        rf"(?P<verb3>{verbs})\b(?![@/]|\.\w)"
        # "for providing", "for the purpose of improving", "with the aim of analysing"
        rf"|\b(?:for|with the aim of|with a view to|aimed at|in the interest of)\s+(?:the\s+)?(?:(?:sole|only|main|"
        rf"primary|limited)\s+)?(?:purposes?\s+of\s+)?(?P<ing>{ings})\b"
        # "to aid the provider in improving the app"
        rf"|\b(?:aid|aids|assist|assists|help|helps|support|supports)\s+(?:[\w-]+\s+){{1,3}}?in\s+(?P<ing2>{ings})\b"
        # "for the operation and maintenance of", "for the purpose of compliance"
        rf"|\bfor\s+(?:the\s+)?(?:purposes?\s+of\s+(?:the\s+)?)?(?P<noun>(?:[a-z-]+\s+(?:and|or)\s+)?(?:(?!and\b|or\b|of\b|data\b|privacy\b)[a-z-]+\s+)?(?:{nominals}))\b"
        rf"(?=\s+(?:of|and|or|purposes?|reasons?|with|by|to|in|on)\b|\s*[,.;:]|\s*$)"
        # "for the purpose(s) of <anything>", "serves the purpose of <anything>"
        r"|\b(?:for|serves?|serving|with)\s+(?:the\s+)?(?:sole\s+|only\s+|limited\s+)?purposes?\s+of\s+(?P<of>)"
        # "for marketing purposes", "for internal analysis purposes"
        r"|\bfor\s+(?P<purposes>(?:(?!for\b)[a-z][\w-]*\s+){1,5}?purposes?)\b"
        # "so that we can answer you"
        r"|\bso\s+(?:that\s+)?(?:we|you|they|it|the \w+)\s+(?:can|could|may|might|will|are able to)\s+(?P<so>)"
        # "purposes such as ..."
        r"|\bpurposes?,?\s*(?::|such as|including(?:,?\s*but not limited to,?)?|like|namely)\s*(?P<such>)"
        # "for a better experience"
        r"|\bfor\s+(?P<exp>(?:a|an|the)\s+(?:better|improved|smoother|enhanced|optimal|personali[sz]ed|seamless)"
        r"\s+(?:user\s+)?experience)\b"
    )
    # "... necessary to (1) comply with the law; (2) protect our rights": the next item. Kept
    # out of `start`, whose alternatives all open at a word boundary and so scan fast.
    enum = compile_regex(rf"[;,]\s*(?:and\s+|or\s+)?{_ENUM}\s+(?:to\s+)?(?P<verb>{verbs}|{ings})\b(?![@/]|\.\w)")
    # "allow the owner to provide" is one clause; ", comply with" and "and prevent" start another.
    # (The comma or space is read first, and the rest after it, so that `re` skips the
    # letters in between.)
    split = compile_regex(
        rf"[,\s](?:(?<=,)\s*(?:and\s+|or\s+|and/or\s+)?|(?<=\s)\s*(?:and|or|and/or)\s+)(?:to\s+)?"
        rf"(?P<verb>{verbs}|{ings})\b"
    )
    # "To manage your account", "Managing orders", and imperative list items
    # ("Comply with a legal obligation", "compile statistics;").
    line_head = compile_regex(
        rf"(?:(?:in order |so as )?to\s+(?:{_ADVERB}\s+)?(?P<verb>{verbs})|(?P<ing>{ings})|(?P<imp>{verbs}))"
        r"\b(?![@/]|\.\w)"
    )
    # What makes a short list line a purpose rather than a name or a kind of data:
    # a purpose verb at its head, a gerund, or a purpose noun ("Customer service").
    item_signal = compile_regex(rf"(?:{verbs}|{ings}|[a-z]{{3,20}}ing)\b|.{{0,120}}?\b(?:{nominals})\b")
    # "We may also send you updates", "X will process your payment": a purpose stated
    # with a plain verb, read only in a section about uses and purposes.
    adverb = r"(?:(?:also|then|further|additionally|occasionally|periodically|sometimes|only|regularly)\s+)?"
    # The subject's letters are read possessively (`{1,30}+`): a space must follow them, and
    # no letter given back could be one, so `re` need not give them back one by one at
    # every word that is not followed by a modal (the same matches, ~18% sooner).
    statement = compile_regex(
        rf"\b(?:we\s+(?:(?:may|might|will|can|could|shall|would)\s+)?|(?P<subject>[a-z][\w-]{{1,30}}+)\s+"
        rf"(?:may|might|will|can|could|shall|would)\s+){adverb}(?P<plain>{verbs})\b(?![@/]|\.\w)"
    )
    return ClausePatterns(
        rules,
        start,
        enum,
        split,
        line_head,
        item_signal,
        statement,
        category,
        commitment=_fast(rules.commitment),
        context=_fast(rules.context),
        not_before=_fast(rules.not_before),
        no_purpose_before=_fast(rules.no_purpose_before),
        user_choice=_fast(rules.user_choice),
        circumstance_before=_fast(rules.circumstance_before),
        single_word_before=_fast(rules.single_word_before),
    )


def _fast(pattern: re.Pattern[str] | str) -> re.Pattern[str]:
    """`pattern` (compiled, or its source) behind a lookahead of the strings its matches
    open with, when known (and of a word boundary, when every match opens at one)."""
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    openings = _openings(source, flags)
    if openings is None:
        return compile_regex(source, flags) if isinstance(pattern, str) else pattern
    strings, bounded = openings
    boundary = r"\b" if bounded else ""
    return compile_regex(rf"{boundary}(?={trie_regex(sorted(strings))})(?:{source})", flags)


def _word_start_scan(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For `pattern` (made by `_fast`) whose every match opens at a word boundary with one
    of a few strings that open with a word character: a search that finds the character
    before where its leftmost match begins; None for any other pattern.

    `re` tries a pattern that opens with `\\b` at every character. Where such a pattern
    matches, the character before is a non-word one (or there is none): searched as a
    class of characters, that `re` skips to in C, and of which about one in six is in
    a text, then as one of the opening strings, it leaves the whole pattern (inside the
    lookahead) to be tried only where a cue word begins.
    """
    return remembered(pattern, "purposes.word_start_scan", lambda: _build_word_start_scan(pattern))


def _build_word_start_scan(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    openings = _openings(pattern.pattern, pattern.flags)
    if openings is None or not openings[1] or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    strings = openings[0]
    # A boundary before a word character is a non-word character before it; "[^a-z0-9_]"
    # holds every such character (and more, which the lookaheads then rule out).
    if not all(s[0].isalnum() or s[0] == "_" for s in strings):
        return None
    return compile_regex(rf"[^a-z0-9_](?={trie_regex(sorted(strings))})(?={pattern.pattern})", pattern.flags)


class _Opening(NamedTuple):
    """What `_clauses` reads first in a sentence (see `PurposeReader._opening`)."""

    # Where the text begins after a list marker ("(a) ", "1. ").
    body: int
    # `line_head` matched at `body`.
    head: re.Match[str] | None
    # The first match of `start` in the sentence.
    first: re.Match[str] | None


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    verb: str | None
    kind: str
    # The category of the purposes an item of a list spells out ("for security purposes,
    # including ..."), for an item that names none of its own.
    named: str | None = None


class PurposeReader:
    """Finds purpose clauses and vocabulary phrases in one document."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.gate = PracticeGate(ctx)
        self.patterns = _patterns(ctx.rules.purpose_clauses)
        self._start_scan = _word_start_scan(self.patterns.start)
        self.rules_clauses = ctx.rules.purpose_clauses
        self.rules = {p.id: p for p in ctx.rules.purposes}
        self.phrases_by_sentence: dict[int, list[tuple[str, int, int]]] = {}
        self._purpose_intro: dict[int, bool] = {}
        self._list_intro: dict[int, bool] = {}
        # Answers that depend only on the section (`_by_section`).
        self._section_tests: dict[tuple[str, int], bool] = {}
        self._sections_at: dict[int, SectionInfo | None] = {}
        # (sentence start, position) before which `_context_before` found a cue.
        self._cued_before: tuple[int, int] | None = None
        # Spans of the current sentence read as clauses and rejected.
        self._vetoed: list[tuple[int, int]] = []
        for kind, rule_id, start, end in ctx.clauses:
            if kind == PURPOSE:
                self.phrases_by_sentence.setdefault(ctx.sentence_index(start), []).append((rule_id, start, end))

    # -- clauses ---------------------------------------------------------------------

    def _clause_end(self, start: int, limit: int) -> int:
        lower = self.ctx.lower
        found = _CLAUSE_END.search(lower, start, min(limit, start + _MAX_CLAUSE + 1))
        if found is not None:
            end = found.start()
        else:
            end = min(limit, start + _MAX_CLAUSE)
            if end < limit:
                cut = _CUT_WORD.search(lower, start, end)
                end = cut.start() if cut and cut.start() > start else end
        while True:
            trail = _trailing(lower, start, end)
            if trail is None or trail <= start:
                break
            end = trail
        return end

    def _opening(self, index: int, s: int, e: int) -> _Opening | None:
        """Where sentence `index` begins after its list marker, the purpose verb that may
        head it and its first purpose cue; None when `_clauses` can find no clause in it.

        Most sentences hold no clause: one scan for a cue, a look at the head word, and
        for short lines and sentences under a heading about uses one more test rule them
        out before anything else is asked about them. Each test is a condition without
        which its kind of clause (`_clauses`) is never found.
        """
        ctx, pats = self.ctx, self.patterns
        lower = ctx.lower
        lead = _LEAD.match(lower, s, e)
        body = lead.end() if lead else s
        opening = _Opening(body, pats.line_head.match(lower, body, e), self._start_search(s, e))
        if opening.head is not None or opening.first is not None:
            return opening
        # A list item or a subheading that names a purpose ("Placing orders"), or a list
        # item that opens with an infinitive ("To scout new players for the club's teams").
        # (Its kind is asked first: most sentences are neither, and need not be split into
        # words.) A list line is a whole line: a sentence that does not open one needs no
        # `gate.info`, which practices built only for the sentences with data terms.
        if (ctx.in_heading(s, e) or ((s == 0 or ctx.text[s - 1] == "\n") and self.gate.info(index).is_list_line)) and (
            lower.startswith("to ", body) or len(lower[body:e].split(maxsplit=_MAX_ITEM_WORDS)) <= _MAX_ITEM_WORDS
        ):
            return opening
        # A plain-verb statement under a heading about uses.
        if self._in_use_section(s) and pats.statement.search(lower, body, e) is not None:
            return opening
        return None

    def _start_matches(self, first: re.Match[str] | None, pos: int, e: int) -> Iterator[re.Match[str]]:
        """`patterns.start.finditer(lower, pos, e)`, reusing `first`, the sentence's first match.

        A match at or after `pos` is also one when the scan begins at the sentence start
        (the pattern looks at the text, not at where the scan began); so none after `pos`
        when none was found, and `first` is the first after `pos` when it lies there.
        """
        match = first if first is None or first.start() >= pos else self._start_search(pos, e)
        while match is not None:
            yield match
            # Every match holds a word at least: the next scan begins at its end, as in finditer.
            match = self._start_search(match.end(), e)

    def _start_search(self, pos: int, e: int) -> re.Match[str] | None:
        """`patterns.start.search(lower, pos, e)`, found by `_word_start_scan`.

        A match of `start` at `q >= pos > 0` opens at a word boundary, so the character at
        `q - 1 >= pos - 1` is a non-word one; the scan from `pos - 1` finds the leftmost
        such `q` where `start` matches (its lookahead is `start` itself, with the same
        end), and `start.match` there gives the very match `search` gives.
        """
        start, lower = self.patterns.start, self.ctx.lower
        scan = self._start_scan
        if scan is None or pos <= 0:
            return start.search(lower, pos, e)
        found = scan.search(lower, pos - 1, e)
        return None if found is None else start.match(lower, found.end(), e)

    def _clauses(
        self, index: int, s: int, e: int, phrases: list[tuple[str, int, int]], opening: _Opening
    ) -> list[Clause]:
        ctx, pats = self.ctx, self.patterns
        rules = pats.rules
        lower = ctx.lower
        body = opening.body
        found: list[Clause] = []
        pos = s
        # A sentence or list item that opens with its purpose: "To manage your account;".
        head = opening.head
        info = self.gate.info(index)
        # A line that opens with a bullet is a list item however long it is.
        is_list_line = info.is_list_line or (
            _BULLET.search(lower, s, body) is not None and (s == 0 or ctx.text[s - 1] == "\n")
        )
        if head is not None and not head.group("verb"):
            # "Contact information", "Operating system": the head word begins a data term.
            # "Block 75 ...": an address. A list of rights or choices states no purpose.
            if (
                any(ds <= head.start() - s < de for ds, de in info.data_spans)
                or lower[head.end() : head.end() + 2].strip()[:1].isdigit()
                or not (is_list_line and self._imperative_allowed(s))
            ):
                head = None
        if head is not None and (head.group("verb") or is_list_line):
            kind = "verb" if head.group("verb") else "ing" if head.group("ing") else "imp"
            verb_start = head.start(kind)
            end = self._clause_end(verb_start, e)
            rest = lower[end:e]
            if (
                not rules.user_goal.match(lower, verb_start, e)
                and not rules.reject_clause.match(lower, verb_start, end)
                and not (rest.startswith(",") and rules.instruction.match(rest[1:]))
            ):
                found.append(Clause(verb_start, end, head.group(kind), "lead"))
            pos = end
        elif (
            head is None
            and is_list_line
            and (infinitive := _INFINITIVE_HEAD.match(lower, body, e)) is not None
            and not _NOT_A_VERB.fullmatch(infinitive.group("verb"))
            and self._in_purpose_list(index)
        ):
            # "To scout new players;" under "We use your data:": an infinitive that opens
            # an item of a list of purposes is one, whatever its verb.
            verb_start = infinitive.start("verb")
            end = self._clause_end(verb_start, e)
            rest = lower[end:e]
            if (
                end > verb_start
                and not rules.user_goal.match(lower, verb_start, e)
                and not rules.reject_clause.match(lower, verb_start, end)
                and not (rest.startswith(",") and rules.instruction.match(rest[1:]))
            ):
                found.append(Clause(verb_start, end, None, "item"))
            pos = end
        elif (
            len(lower[body:e].split(maxsplit=_MAX_ITEM_WORDS)) <= _MAX_ITEM_WORDS
            and (self._in_purpose_list(index) or (ctx.in_heading(s, e) and self._purpose_subheading(s)))
            and ctx.rules.list_intro.search(lower[s:e].rstrip()) is None
        ):
            # "User registration", "Placing orders" under "We use your data for:"; a
            # name ("Google Analytics", "Facebook"), a table label ("Retention period:")
            # or a kind of data ("Information regarding your location") is no purpose.
            end = self._clause_end(body, e)
            if (
                end > body
                and not rules.reject_clause.match(lower, body, end)
                and self._item_names_purpose(index, body, end, phrases)
            ):
                found.append(Clause(body, end, self._head_verb(body, end), "item"))
                pos = end
            # An item that names no purpose as a whole may still hold a clause: "For
            # developing new products;" is read by the forms of `start`.
        elif self._in_use_section(s):
            # "We may also send you updates and important notifications."
            for match in pats.statement.finditer(lower, body, e):
                subject = match.group("subject")
                if (subject is not None and rules.not_subject.fullmatch(subject)) or rules.not_plain_verb.fullmatch(
                    match.group("plain")
                ):
                    continue
                end = self._clause_end(match.start("plain"), e)
                if not rules.reject_clause.match(lower, match.start("plain"), end) and not rules.user_goal.match(
                    lower, match.start("plain"), end
                ):
                    found.append(Clause(match.start("plain"), end, match.group("plain"), "plain"))
                    pos = end
                break
        for match in self._start_matches(opening.first, pos, e):
            if found and match.start() < found[-1].end:
                continue
            kind = match.lastgroup or "verb"
            clause_start = match.start(kind)
            verb = match.group(kind) if kind in ("verb", "verb2", "verb3", "ing", "ing2") else None
            if kind == "verb3" and (
                _NOT_A_VERB.fullmatch(match.group("first3"))
                or ctx.text[match.start("first3")].isupper()
                or _OPERATION.fullmatch(match.group("verb3"))
            ):
                # "sent to partners and ...", "to Google and ...": "to" before a noun;
                # "to collect and store your details": one more operation, not its purpose.
                continue
            # "To contact you: to contact you by email ...": the text after a purpose
            # label restates that purpose; it needs no practice cue of its own.
            restated = (
                bool(found) and found[-1].kind == "lead" and _RESTATED.fullmatch(lower, found[-1].end, match.start())
            )
            if kind in ("verb", "verb2", "verb3", "any"):
                # "These tools help us understand ...": "help us" is the cue itself.
                cued = restated or kind == "verb2" or self._context_before(s, match.start())
                # "Where the law allows, to promote our products;": the list's intro is the cue.
                cued = cued or (is_list_line and self._in_purpose_list(index))
                # "Session cookie: to keep you signed in": a label and what it is for.
                cued = cued or _LABEL.fullmatch(lower, body, match.start()) is not None
                if not cued and kind == "any" and match.start() == body:
                    # "In order to make the app available, we need to collect ...": a
                    # sentence that opens with its purpose states the practice after it.
                    after = self._clause_end(clause_start, e)
                    rest = lower[after:e]
                    cued = (
                        rest.startswith(",")
                        # "In order to X we share ..., ...": no comma closes the opening clause.
                        and _WE.search(lower, clause_start, after) is None
                        and not rules.instruction.match(rest[1:])
                        and _USER_CLAUSE.search(rest) is None
                        and pats.context.search(lower, after, e) is not None
                    )
                if not cued and not phrases:
                    continue
                # A second infinitive is the user's or a duty when its first one is
                # ("you have the right to see and correct ..."): the words before "to" tell.
                head_end = match.start("first3") if kind == "verb3" else match.end(kind) - len(match.group(kind))
                before = lower[max(s, match.start() - _BEFORE) : head_end]
                if kind == "verb3" and rules.user_goal.match(lower, head_end, e):
                    continue
                if pats.no_purpose_before.search(before) or pats.not_before.search(before):
                    # "We take measures to protect", "you have the right to opt out of
                    # marketing": nor is the vocabulary inside the clause a purpose.
                    if phrases:
                        self._vetoed.append((match.start(), self._clause_end(clause_start, e)))
                    continue
                if not cued:
                    continue
            elif kind == "purposes" and rules.generic_purposes.match(match.group(kind)):
                # "for the following purposes: provide the service, ...": the list after it.
                listed = _LIST_AFTER.match(lower, match.end(kind), e)
                if listed is None or listed.end() >= e:
                    continue
                kind, clause_start = "such", listed.end()
            # "You are responsible for maintaining ...", "please contact us so that we can
            # ...": the user's duty or an instruction to the user, not a purpose.
            elif pats.not_before.search(lower, max(s, clause_start - _BEFORE), clause_start):
                continue
            if kind in ("of", "so", "such") and clause_start >= e:
                continue
            end = self._clause_end(clause_start, e)
            if kind == "purposes":
                end = match.end(kind)
            elif kind in ("noun", "exp") and end < match.end(kind):
                end = match.end(kind)
            if end <= clause_start:
                continue
            if kind == "such":
                # "for the following purposes: improving the app": the item's own verb.
                verb = self._head_verb(clause_start, end)
            if rules.user_goal.match(lower, clause_start, end) and kind in ("verb", "verb2", "verb3", "any", "so"):
                continue
            if rules.reject_clause.match(lower, clause_start, end):
                # The vocabulary inside a rejected clause is no purpose either ("we
                # verify your identity before processing your request").
                self._vetoed.append((clause_start, end))
                continue
            found.append(Clause(clause_start, end, verb, _CLAUSE_KIND.get(kind, kind)))
            if kind == "purposes" or (kind == "noun" and lower.endswith(("purpose", "purposes"), clause_start, end)):
                # "for internal purposes such as fraud prevention, enforcing our terms":
                # the named purposes, and then the list that spells them out.
                # A list of infinitives ("including to ...") is found as clauses of its own.
                listed = _LIST_AFTER.match(lower, end, e)
                if listed is not None and listed.end() < e and not lower.startswith("to ", listed.end()):
                    items = listed.end()
                    items_end = self._clause_end(items, e)
                    if items_end > items and not rules.reject_clause.match(lower, items, items_end):
                        named = self._category(found[-1], phrases)[0]
                        found.append(Clause(items, items_end, self._head_verb(items, items_end), "such", named))
        if found and "(" in lower[found[0].end : e]:
            found = self._enumerated(found, e)
        found = [clause for clause in found if not self._in_example(s, clause.start)]
        return [part for clause in found for part in self._split(clause)]

    def _context_before(self, s: int, pos: int) -> bool:
        """`patterns.context.search(lower, s, pos)`: a practice cue in the sentence before `pos`.

        Once one is found before a word start, it is found before every later position (it
        ends at a non-word character that lies before that start, which any longer text
        shows too): the later cues of a sentence ("to provide ..., to improve ...") need
        no scan of their own.
        """
        known = self._cued_before
        if known is not None and known[0] == s and pos >= known[1]:
            return True
        lower = self.ctx.lower
        found = self.patterns.context.search(lower, s, pos) is not None
        if found and not (lower[pos - 1].isalnum() or lower[pos - 1] == "_"):
            self._cued_before = (s, pos)
        return found

    def _enumerated(self, found: list[Clause], e: int) -> list[Clause]:
        """The items after an enumerated purpose clause: "to (1) comply with the law; (2) protect our rights"."""
        lower = self.ctx.lower
        for match in self.patterns.enum.finditer(lower, found[0].end, e):
            start = match.start("verb")
            if any(c.start <= start < c.end for c in found):
                continue
            end = self._clause_end(start, e)
            if end > start and not self.rules_clauses.reject_clause.match(lower, start, end):
                found.append(Clause(start, end, match.group("verb"), "verb"))
        return sorted(found, key=lambda clause: clause.start)

    def _commitment(self, index: int, s: int, e: int) -> bool:
        """The sentence describes security measures ("we have put in place safeguards").

        Tried only where the gate's literal scan says the pattern may match.
        """
        if not self.gate.may_match(index, "purpose_clauses.commitment"):
            return False
        return self.patterns.commitment.search(self.ctx.lower, s, e) is not None

    def _in_example(self, s: int, pos: int) -> bool:
        """Inside "(for example, ...)": an example of a purpose stated before it."""
        lower = self.ctx.lower
        opening = lower.rfind("(", max(s, pos - _MAX_CLAUSE), pos)
        if opening < 0 or lower.find(")", opening, pos) >= 0:
            return False
        return _EXAMPLE.match(lower, opening + 1, pos) is not None

    def _item_names_purpose(self, index: int, start: int, end: int, phrases: list[tuple[str, int, int]]) -> bool:
        """A short list line names a purpose: a purpose phrase, verb, gerund or noun, and no bare data."""
        if any(start <= ps and pe <= end for _, ps, pe in phrases):
            return True
        if self.patterns.item_signal.match(self.ctx.lower, start, end) is None:
            return False
        # "Phone number", "Usage Data": a line that is mostly a data term lists data.
        s = self.ctx.sentence(index)[0]
        data = sum(min(end, s + de) - max(start, s + ds) for ds, de in self.gate.info(index).data_spans)
        return 2 * data < end - start

    def _head_verb(self, start: int, end: int) -> str | None:
        head = self.patterns.line_head.match(self.ctx.lower, start, end)
        if head is None or head.group("verb"):
            return None
        return head.group("ing") or head.group("imp")

    def _by_section(self, test: Callable[[int], bool], pos: int) -> bool:
        """`test(pos)`, which depends only on the section at `pos`: once per section."""
        # `ctx.section_at`, once per position (a sentence start is asked several times);
        # looked up here, without a call of its own, as this is asked about 16,000 times
        # a pass over the OPP-115 texts.
        section = self._sections_at.get(pos, _UNKNOWN)
        if section is _UNKNOWN:
            section = self._sections_at[pos] = self.ctx.section_at(pos)
        key = (test.__name__, id(section))
        found = self._section_tests.get(key)
        if found is None:
            found = self._section_tests[key] = test(pos)
        return found

    def _imperative_allowed(self, pos: int) -> bool:
        return self._by_section(self._imperative_allowed_at, pos)

    def _in_use_section(self, pos: int) -> bool:
        return self._by_section(self._in_use_section_at, pos)

    def _purpose_subheading(self, pos: int) -> bool:
        return self._by_section(self._purpose_subheading_at, pos)

    def _in_no_purpose_section(self, pos: int) -> bool:
        return self._by_section(self._in_no_purpose_section_at, pos)

    def _imperative_allowed_at(self, pos: int) -> bool:
        """Imperative list items are purposes outside sections about rights, choices or security."""
        titles = self.ctx.section_titles(pos)
        if self.ctx.rules.purpose_clauses.not_purpose_heading.search(titles) is not None:
            return False
        # Under "Information we collect" a list names data ("Check-in records"), not uses.
        innermost = titles.split(" | ", 1)[0]
        return not (_COLLECTION_TITLE.search(innermost) and not _USE_TITLE.search(innermost))

    def _in_use_section_at(self, pos: int) -> bool:
        """The innermost titled section is about uses or purposes ("How we use your data")."""
        info = self.ctx.titled_section_at(pos)
        return info is not None and self.ctx.rules.purpose_clauses.use_heading.search(info.title_lower) is not None

    def _in_no_purpose_section_at(self, pos: int) -> bool:
        """The innermost titled section states no purposes: it is about the user's rights
        or choices, about reaching the provider or changes to the notice ("Contact us"),
        unless its title also names uses; or it is about keeping data safe, and no
        section around it is about uses ("How we use data > Security" lists a purpose)."""
        info = self.ctx.titled_section_at(pos)
        if info is None:
            return False
        rules = self.ctx.rules.purpose_clauses
        title = info.title_lower
        if (
            rules.rights_heading.search(title) is not None or rules.no_purpose_section.search(title) is not None
        ) and rules.use_heading.search(title) is None:
            return True
        return (
            rules.security_heading.search(title) is not None
            and rules.use_heading.search(self.ctx.section_titles(pos)) is None
        )

    def _in_purpose_list(self, index: int) -> bool:
        """A short list line whose list is introduced as a list of purposes."""
        if not self.gate.info(index).is_list_line:
            return False
        rules = self.ctx.rules
        # Every line of a list walks back over the lines before it: whether each one
        # reads as an intro is asked once.
        is_intro = self._list_intro
        for j, prev in self._lines_before(index):
            if j not in is_intro:
                is_intro[j] = rules.list_intro.search(prev.lower.rstrip()) is not None
            if not prev.is_list_line or is_intro[j]:
                if j not in self._purpose_intro:
                    # "Manage your staff account, including for:" opens a list of its own
                    # inside a list of purposes: its items spell out that purpose (a label
                    # such as "Legal grounds:" names none).
                    self._purpose_intro[j] = is_intro[j] and (
                        rules.purpose_clauses.list_purpose_intro.search(prev.lower) is not None
                        or (prev.is_list_line and self._names_purpose(prev.lower) and self._in_purpose_list(j))
                    )
                return self._purpose_intro[j]
        return False

    def _in_user_steps_list(self, index: int) -> bool:
        """A list line whose intro tells what the user can do ("..., you can:")."""
        if not self.gate.info(index).is_list_line:
            return False
        for _, prev in self._lines_before(index):
            line = prev.lower.rstrip()
            if line.endswith(":"):
                return self.ctx.rules.purpose_clauses.user_steps_intro.search(line) is not None
            if not prev.is_list_line:
                return False
        return False

    def _lines_before(self, index: int) -> Iterator[tuple[int, SentenceInfo]]:
        """The lines before line `index` in its section, nearest first, as far back as a
        list's intro may stand (`_MAX_LIST_LINES`)."""
        gate, ctx = self.gate, self.ctx
        section = ctx.section_id(gate.info(index).start)
        for j in range(index - 1, max(index - _MAX_LIST_LINES, 0) - 1, -1):
            prev = gate.info(j)
            if ctx.section_id(prev.start) != section:
                return
            yield j, prev

    def _names_purpose(self, line: str) -> bool:
        """A list line opens with a purpose verb, a gerund or names a purpose noun."""
        lead = _LEAD.match(line)
        return self.patterns.item_signal.match(line, lead.end() if lead else 0) is not None

    def _purpose_subheading_at(self, pos: int) -> bool:
        """A heading under a purposes heading names a purpose ("Order management")."""
        info = self.ctx.section_at(pos)
        if info is None or info.parent is None:
            return False
        return self.ctx.rules.purpose_clauses.list_purpose_heading.search(info.parent.title_lower) is not None

    def _split(self, clause: Clause) -> list[Clause]:
        """'process your payment and prevent fraud' -> two clauses; 'provide and maintain' stays one."""
        lower = self.ctx.lower
        parts: list[Clause] = []
        current = clause
        while True:
            nxt = None
            for m in self.patterns.split.finditer(lower, current.start + 1, current.end):
                # Items of a list after "such as" are short ("data analysis, identifying trends");
                # so is a verb and its object ("resolve disputes, and enforce our terms"),
                # but not two verbs that share the object after them ("provide, operate and").
                words = lower[current.start : m.start()].split()
                if len(words) >= (2 if clause.kind == "such" else 3) or (
                    len(words) == 2
                    and words[1].strip(",") not in self.patterns.verb_category
                    and " ".join(words).strip(",") not in self.patterns.verb_category
                ):
                    nxt = m
                    break
            if nxt is None:
                parts.append(current)
                return parts
            parts.append(
                Clause(current.start, self._trim(current.start, nxt.start()), current.verb, current.kind, current.named)
            )
            current = Clause(nxt.start("verb"), current.end, nxt.group("verb"), current.kind, current.named)

    def _trim(self, start: int, end: int) -> int:
        while True:
            trail = _trailing(self.ctx.lower, start, end)
            if trail is None or trail <= start:
                return end
            end = trail

    # -- categories ------------------------------------------------------------------

    def _category(self, clause: Clause, phrases: list[tuple[str, int, int]]) -> tuple[PurposeCategory, str]:
        inside = [(rule_id, start) for rule_id, start, end in phrases if clause.start <= start and end <= clause.end]
        specific = [r for r, _ in inside if self.rules[r].category not in _GENERIC_CATEGORIES]
        chosen = specific[0] if specific else inside[0][0] if inside else None
        if chosen is not None:
            return self.rules[chosen].category, chosen
        verb = clause.verb
        category = self.patterns.verb_category.get(verb or "")
        # An item of a list of named purposes headed by a generic verb ("for security
        # purposes, such as providing logs to auditors") is one of those purposes.
        named = clause.named
        if named is not None and named not in _GENERIC_CATEGORIES and category in (None, *_GENERIC_CATEGORIES):
            category = named
        category = category or named or _KIND_CATEGORY.get(clause.kind, "other")
        if category in _GENERIC_CATEGORIES:
            category = self._object_category(clause) or category
        return category, f"purpose.{category}.clause_{clause.kind}"  # type: ignore[return-value]

    def _object_category(self, clause: Clause) -> str | None:
        """What a clause headed by a generic verb is about ("provide you with offers"), if said."""
        about = self.rules_clauses.object_category.search(self.ctx.lower, clause.start, clause.end)
        return None if about is None else about.lastgroup

    # -- the document ----------------------------------------------------------------

    def read(self) -> list[Purpose]:
        ctx, pats = self.ctx, self.patterns
        rules = ctx.rules.purpose_clauses
        out: list[Purpose] = []
        for index in range(ctx.sentence_count()):
            s, e = ctx.sentence(index)
            # A "heading" of more than `_MAX_HEADING_WORDS` words is a paragraph set in
            # bold ("General: we may use the information to ..."): it is read as one.
            if (
                e <= s
                or ctx.in_furniture(s)
                or (
                    ctx.in_heading(s, e)
                    and not self._purpose_subheading(s)
                    and len(ctx.lower[s:e].split(maxsplit=_MAX_HEADING_WORDS)) <= _MAX_HEADING_WORDS
                )
            ):
                continue
            phrases = self.phrases_by_sentence.get(index, [])
            opening = self._opening(index, s, e)
            if opening is None and not phrases:
                # No clause and no phrase: nothing to record (the sentence is most of them).
                continue
            # "We will respond to your request within a month" under "Your privacy rights":
            # a section about the user's rights states no purpose, except in a list its
            # intro makes one of purposes ("we may keep your data when necessary to:").
            # Under "How we keep your data safe" the goals of the measures are no purposes,
            # nor is anything under "Contact us" or "Changes to this policy".
            if self._in_no_purpose_section(s) and not self._in_purpose_list(index):
                continue
            if self._in_user_steps_list(index):
                continue
            # "You can opt out of marketing emails", "'Service Provider' means ... to
            # facilitate the Service": a choice or a definition states no purpose.
            # The gate's literal scan of the document tells the sentences where the
            # choice and definition cues may match: they run only there.
            gate = self.gate
            if (
                (gate.may_match(index, "purpose_clauses.user_choice") and pats.user_choice.search(ctx.lower, s, e))
                or (gate.may_match(index, "purpose_clauses.definition") and rules.definition.search(ctx.lower, s, e))
                or self.gate.info(index).definition
            ):
                continue
            self._vetoed = []
            clauses = self._clauses(index, s, e, phrases, opening) if opening is not None else []
            # "To prevent loss, we have put in place safeguards": the goals of security
            # measures are no purposes of processing. Asked only where something was found.
            if (clauses or phrases) and self._commitment(index, s, e):
                continue
            # "Users under 13 may not register": a rule for children or minors states no
            # purpose of the service's own.
            if (clauses or phrases) and addresses_specific_audience(ctx, index):
                continue
            covered: list[tuple[int, int]] = []
            # "Legal obligations: we may disclose it to comply with the law": a clause
            # states the purpose a legal circumstance would only name. (A merger is
            # named whatever the clauses say: OPP-115 files it on its own.)
            circumstances: set[str] = set()
            for clause in clauses:
                category, rule_id = self._category(clause, phrases)
                out.append(self._record(s, e, clause.start, clause.end, rule_id, category))
                covered.append((clause.start, clause.end))
                if category == "legal_requirement":
                    circumstances.add(category)
            if not phrases or not self.gate.sentence_is_practice(index):
                continue
            for rule_id, start, end in phrases:
                rule: PurposeRule = self.rules[rule_id]
                if any(cs <= start and end <= ce for cs, ce in covered + self._vetoed):
                    continue
                # "as required by law enforcement officers": the phrase's last word
                # begins a longer noun that names a recipient, not the law itself.
                if _LAW_NOUN.match(ctx.lower, end) and ctx.lower.endswith("law", start, end):
                    continue
                if _RECIPIENT_NOUN.match(ctx.lower, end) and not ctx.lower.endswith(_DETERMINER_END, start, end):
                    continue
                # A bare word ("analytics" of "Google Analytics", "registration") or a
                # phrase that names an event ("when you create an account") is no purpose
                # outside a clause; nor is a circumstance ("in case of a merger").
                if rule.needs_clause:
                    # One record per sentence and category names the circumstance
                    # ("in the event of a merger or acquisition"); a disclosure "if
                    # required by law" or "to a court" is a legal-requirement purpose of
                    # the sharing (OPP-115 files it so).
                    if rule.category in circumstances:
                        continue
                    if rule.category != "merger_acquisition" and not (
                        rule.category == "legal_requirement"
                        and rules.legal_disclosure.search(ctx.lower, s, e)
                        and not rules.recipient_before.search(ctx.lower, max(s, start - 40), start)
                    ):
                        continue
                    circumstances.add(rule.category)
                    out.append(self._record(s, e, start, end, rule_id, rule.category))
                    continue
                if " " not in ctx.lower[start:end].strip() and not pats.single_word_before.search(
                    ctx.lower, max(s, start - 40), start
                ):
                    continue
                if pats.circumstance_before.search(ctx.lower, max(s, start - 60), start):
                    continue
                out.append(self._record(s, e, start, end, rule_id, rule.category))
        out.sort(key=lambda p: (p.start, p.end))
        return out

    def _record(self, s: int, e: int, start: int, end: int, rule_id: str, category: PurposeCategory) -> Purpose:
        ctx = self.ctx
        return Purpose(
            **ctx.evidence(start, end, rule_id),
            category=category,
            negated=is_negated(ctx, s, start, end, e),
        )


def extract_purposes(ctx: DocumentContext) -> list[Purpose]:
    """Purpose records of a document, in text order."""
    return PurposeReader(ctx).read()
