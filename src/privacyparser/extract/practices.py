"""Data categories: vocabulary matches kept when they take part in a data practice.

Purposes are read by `extract/purposes.py`, which reuses the sentence gate below.

A match of the vocabulary is only a candidate: "email" may be the data ("we collect your
email") or the channel ("contact us by email"), "age" may be the data or a threshold
("under the age of 13"). The gate below decides, per match, from its sentence:

1. A *sense trap* (cues.json `sense_traps`) covering the match rejects it, as does a
   following noun that makes the term a modifier ("cookie policy", "CCTV notices").
2. Terms of a gated category need a verb that governs the term itself
   (`gates.<name>` in cues.json): "we collect personal information" is a practice,
   "the security of your personal information" is not.
3. Other terms need a practice cue somewhere in their sentence (`practice`; a cue
   inside a data term does not count: the "log" of "log data" is no verb), or the
   sentence is a short list line introduced by a practice sentence, or sits under a
   practice heading.
4. Ambiguous terms (`ambiguous_terms` of a category) also need to read as data: after a
   possessive ("your email"), next to other data terms in a list, or governed by a
   practice verb.
5. Contact terms in a "contact us" sentence, and contact or location terms owned by the
   provider ("our address"), are the provider's, not the user's.

Everything is computed once per sentence; work is linear in the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.negation import is_negated, negation_reach
from privacyparser.first_chars import first_chars, skipping_search
from privacyparser.models import DataCategory
from privacyparser.pipeline.clauses import DATA, plural_forms
from privacyparser.prefilter import factored_by_first_letter, remembered, top_alternatives, without_leading_space
from privacyparser.rules import DataCategoryRule, RuleSet

# A verb that handles data already held, just before a term: "use", "share", "retain".
_HANDLED_BEFORE = factored_by_first_letter(
    re.compile(
        r"\b(?:use|uses|used|using|share|shares|shared|sharing|disclos\w*|transfer\w*|process|processes|processed|"
        r"processing|sell|sells|sold|selling|combin\w*|retain\w*|stor(?:e|es|ed|ing)|keep|keeps|kept|protect\w*|"
        r"delet\w*|eras\w*|access)\s+(?:[\w'-]+\s+){0,3}$"
    )
)
# "We will retain Usage Data for internal analysis": the data is the object of keeping,
# which is how long data is held, not which data is collected.
_RETAINED_BEFORE = re.compile(r"\b(?:retain|retains|retained|keep|keeps|kept)\s+(?:[\w-]+\s+){0,2}$")
# "the feedback you send us": a relative clause that says where the data comes from.
_RELATIVE_CLAUSE = re.compile(r"\s+(?:that\s+|which\s+)?(?:you|we|users?)\s+(?!(?:do|does|did)\s+not\b)")
# "through your device settings", "adjust your privacy settings": the settings are where
# a choice is made, not data about the person.
_SETTINGS_PLACE = factored_by_first_letter(
    re.compile(
        r"\b(?:through|in|via|using|from|under|into|change|adjust|modify|update|manage)\s+(?:your\s+|the\s+|their\s+)?"
        r"(?:[\w-]+\s+)?$"
    )
)
# "The Personal Data you provide can give you access to ...": a generic subject whose
# relative clause collects it, followed by what the data does or must be; a statement
# about use (or the user's duty), not a collection.
_SUBJECT_START = re.compile(r"\W*(?:the|any|all|such)\s+$")
_RELATIVE_COLLECTION_THEN_VERB = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:you|we)\s+(?:\w+\s+){0,2}?(?:provide|collect|submit|give)\w*\s+"
    r"(?:(?:to|with)\s+us\s+)?(?:is|are|will|can|may|shall|might|could|must)\b"
)
# "Usage Data refers to data collected automatically ...": a definition that says the
# data is collected describes a practice, unlike "Cookies are small text files".
_COLLECTED_DEFINITION = re.compile(
    r"\b(?:means|refers? to|is defined as|are defined as)\s+(?:any\s+|all\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:data|information|details)\s+(?:(?:that|which)\s+)?(?:(?:is|are|we|may be|is being)\s+){0,2}"
    r"(?:automatically\s+)?(?:collected|gathered|obtained|received|recorded|collect|gather|obtain|receive)\b"
)
# "You may review and update your account information", "parents can request access
# to the information": the person acts on their own data (a right or a choice); the
# sentence does not say which data the provider collects.
_USER_ACTIONS = tuple(
    (f"user_action.{i}", re.compile(pattern))
    for i, pattern in enumerate(
        (
            r"\b(?:you|users?|customers?|members?|parents?)\s+(?:may|can|could|might|will be able to|are able to|"
            r"have the right to|are entitled to)\s+(?:also\s+|always\s+|at any time\s+)?(?:\w+\s+)?(?:review|update|"
            r"correct|edit|change|access|delete|remove|revise|add|manage|adjust|modify|amend|rectify|erase|view|export|"
            r"download|request)\b",
            # "You may opt out of collection of ... cookies", "to unsubscribe, enter your email address".
            r"\bopt(?:-|\s)?out\b|\bunsubscrib\w*|\b(?:do not|don't|no longer) (?:want|wish) to receive\b|"
            r"\bstop receiving\b|\bcancel\b",
            # A right of the person ("the right to withdraw consent"), not the provider's reserved one;
            # a rights list item ("Request correction of the personal data we hold").
            r"(?<!reserve the )(?<!reserves the )\bright to\b",
            r"^\W*(?:request|ask)\s+(?:that|the|a|access|correction|deletion|erasure)\b",
            r"\byou (?:may|can|could) (?:\w+ )?(?:disable|turn off|deactivate)\b",
            r"\bability to (?:\w+ )?(?:request|access|review|update|correct|edit|delete|remove)\b|"
            r"\brequests? to (?:inspect|access|review|obtain|correct|delete|see)\b",
            # "Keep your user ID and password confidential": advice on the person's secrets;
            # "you must keep your login and password secure", "you are in charge of the
            # secrecy of your password", "you are responsible for the accuracy of your
            # contact details": the person's duties towards their own data.
            r"\b(?:keep|kept|maintain\w*|ensur\w*|responsible for|in charge of)\b[^.]{0,80}\b"
            r"(?:confidential\w*|secret|secrecy)\b|"
            r"\byou (?:must|should|shall|agree to|are required to) (?:\w+ )?keep\b[^.]{0,120}\b(?:secure|safe)\b|"
            r"\byou are (?:solely )?(?:responsible|in charge) (?:for|of) (?:\w+ ){0,3}(?:accura\w*|correctness)\b",
        )
    )
)
# "Please do not send us your card number by email", "If you post photos, you should
# avoid uploading ones that show your address": advice to the person, not a practice of
# the provider, in either direction.
_ADVICE = re.compile(
    r"^\W*(?:please\s+)?(?:do not|don't|don’t|never)\s+(?:\w+\s+)?"
    r"(?:send|provide|include|post|share|disclose|submit|give|enter|upload|e-?mail)\b|"
    r"^[^.]{0,80}?\byou should (?:avoid|not|never)\s+(?:\w+\s+)?"
    r"(?:send|sending|provid\w*|includ\w*|post|posting|shar\w*|disclos\w*|submit\w*|giv\w*|enter\w*|upload\w*)\b"
)
# "For all requests, please include your name, street address ...", "In submitting a
# request, a consumer must provide ... such as name, email address": what the person
# puts in a request or complaint to the provider, like a contact-us sentence.
_REQUEST_CONTENTS = re.compile(
    r"^(?=.*\b(?:requests?|complaints?|inquir(?:y|ies)|enquir(?:y|ies)|correspondence|letter)\b)"
    r".*\b(?:please|you must|must|should|need to)\s+(?:\w+\s+){0,3}?(?:include|provide|state|give|submit|send)\b"
)
# "We reveal only the last four digits of your card number; SSL encrypts ...": how data
# is protected in transit; without a collection verb the sentence says nothing of which
# data is collected.
# "Your interactions with these features are governed by the privacy policy of the
# company providing it", "we are not responsible for the practices of such sites":
# another party's practices, which this policy does not describe.
_OTHERS_PRACTICES = re.compile(
    r"\bgoverned by\b[^.]{0,60}\b(?:polic(?:y|ies)|notices?|terms)\b|\b(?:(?:is|are) not responsible|"
    r"no control over|(?:does not|do not) (?:make|give) any representations?|makes? no representations?)\b"
)
# A bare "name" is a person's name ("names, emails and phone numbers"), not after a noun
# or a determiner that says whose or what it is ("app name", "file name", "our name").
_OTHER_NAME_BEFORE = re.compile(
    r"\b(?:app|apps|application|company|business|file|brand|product|package|domain|device|host|screen|"
    r"account|network|trade|project|display|event|store|shop|site|website|page|channel|group|team|"
    r"organi[sz]ation|school|employer|bank|street|model|game|song|course|plan|pet|server|browser|computer|"
    r"service|folder|document|campaign|merchant|vendor|our|its|this|that|whose|same|new|different)\W{0,2}$"
)
# "the names of the providers we use": the name of a thing the text goes on to name.
_OTHER_NAME_AFTER = re.compile(r"\s+of\s+(?:the|our|these|those|such|any|all|each|this|that)\b")
# "What we collect depends on the features you use", "depending on the settings of your
# device, ...": what the collection depends on is a condition, not data collected. The
# condition ends where a clause of the provider's or a "but" begins ("... depending on
# the plan we ask for your address"), and after a fronted "depending on" at the comma.
_CONDITION_BEFORE = re.compile(
    r"\bdepends?\s+(?:up)?on\b(?:(?!\b(?:but|we)\b)[^.;:!?])*$|"
    r"\bdepending\s+(?:up)?on\b(?:(?!\b(?:but|we)\b)[^,.;:!?])*$"
)
_VETO_ANY = 1
_VETO_AFFIRMED = 2
# What the gate says of a match: no practice; a practice only where the document says
# nothing stronger (the fallback of `extract_practices`); a practice. One pass over the
# checks gives both answers: asking the loose question after the strict one ran the
# common checks twice for a quarter of the terms.
NO, FALLBACK, KEEP = 0, 1, 2
# Do-Not-Track disclosures name browsers and browsing to say how a signal is handled.
_DO_NOT_TRACK = re.compile(r"\bdo[ -]not[ -]track\b|\bdnt\b")
# "Content that matches your interests", "to better understand your preferences",
# "ads based on your interests": the person's tastes as the aim of personalisation, a
# purpose; and "change your preferences", a choice. Storing them ("cookies store your
# preferences") is still a practice.
_PURPOSE_TARGET_BEFORE = factored_by_first_letter(
    re.compile(
        r"\b(?:understand\w*|learn(?:\s+more)?\s+about|determin\w*|match\w*|suit|suits|tailor\w*|"
        r"personali[sz]\w*|based on|according to|in accordance with|apply|respect|honou?r|re-enter|change|adjust|set)"
        r"\s+(?:[\w.’'-]+\s+){0,4}$"
    )
)
# "Location of a User", "Address (home/work) of the User": the person's own data, as
# after a possessive.
_OF_THE_PERSON = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?of\s+(?:the|a|an|each|any)\s+(?:user|customer|member|visitor|subscriber|"
    r"data subject|account holder|patient|employee|applicant|player|child)\b"
)
# "the names and addresses of all third parties": the contact details of organisations.
_ORGANISATION_OWNER = re.compile(
    r"\s+of\s+(?:all\s+|the\s+|those\s+|such\s+|any\s+)?(?:third[- ]part(?:y|ies)|businesses|companies|"
    r"recipients|vendors|partners|service providers|organi[sz]ations|entities|affiliates)\b"
)
# "the address provided in Section 12", "the email address indicated below": a pointer
# to the provider's own contact details.
_POINTER_AFTER = re.compile(
    r"\s*(?:(?:provided|given|listed|shown|set out|set forth|specified|indicated|mentioned|stated|displayed|found|"
    r"included)\s+(?:in|below|above|at|on|under|within)\b|(?:below|above)\b)"
)
# "your device Internet Protocol ("IP") address": the end of a network address that a
# parenthesis split from its head, not a postal address.
_ADDRESS_OF_NETWORK = re.compile(r"\b(?:ip|internet protocol|mac|network|e-?mail|web|url|wallet)\W{0,6}$")
# Sentences about the policy or the person's options rather than about collection, for
# generic terms: the notice's scope ("This Privacy Notice applies to personal
# information collected by ..."), who controls the data ("X is the controller of
# the data gathered in the app"), and whether to give it at all ("You are free not to
# give us your personal information").
_GENERIC_META = re.compile(
    r"\b(?:this|our|the)\s+(?:online\s+)?(?:privacy\s+|cookies?\s+|data\s+protection\s+)?(?:policy|notice|statement)"
    r"\s+(?:\w+\s+){0,2}?(?:appl\w*|cover\w*|describ\w*|explain\w*|govern\w*|sets? out|outlin\w*|tells?|"
    r"inform\w*|discuss\w*|address\w*|is designed|is meant|is intended|does not apply|only applies)\b|"
    r"\b(?:controller|processor)s?\s+(?:or\s+\w+\s+)?(?:of|for)\b|"
    r"\b(?:choose not to|decline to|do not have to|are not required to|your choice whether|"
    r"(?:is|are) (?:entirely |completely |strictly )?(?:voluntary|optional)|on a voluntary basis)\b"
)
# Sentences that name personal information in general while their point lies elsewhere:
# the person's rights and requests ("You may ask for a copy of your personal data", "we
# verify your identity before we send you your information"), a pointer to other text
# ("More details on the processing of personal data are given in section 5", "read the
# privacy policies of the sites you visit"), a transfer abroad ("personal information may
# be transferred to other countries"), or the introduction of a list of purposes ("We
# process personal data for the following purposes:").
_GENERIC_ELSEWHERE = re.compile(
    r"(?<!reserve the )(?<!reserves the )\brights?\b|\b(?:your|a|such|any|the|all|portability|access|deletion|"
    r"erasure)\s+requests?\b|\bverif(?:y|ied|ying|ication)\b|\bportability\b|\bcomplaints?\b|"
    r"\byou (?:hereby )?consent to\b|\bcopy of\b|\bopt[- ]?out of\b|"
    r"\b(?:more|complete|further)\s+details\s+(?:on|about|concerning|of|regarding)\b|"
    r"\b(?:described|explained|detailed)\s+in\s+(?:other\s+|the\s+|this\s+|our\s+)?(?:sections?|privacy|policy|notice)\b|"
    r"\bplease\s+(?:read|see|refer)\b|\bmaterial changes\b|\bprivacy (?:policies|statements|notices|practices) of\b|"
    r"\bmade clear to you\b|"
    r"\btransferr?\w*\b[^.]{0,80}\b(?:countr(?:y|ies)|outside|abroad|jurisdictions?|united states|"
    r"anywhere in the world)\b|"
    r"\bfor\s+(?:the\s+|any\s+|all\s+|any or all of the\s+)?following(?:\s+\w+)?\s+purposes\b|"
    r"\bfor all of the following\b"
)
# "the collection and use of personal information": a noun, which governs nothing.
_NOMINAL_COLLECTION = re.compile(r"\bcollection\s+(?:(?:and|or|&)\s+\w+\s+)?of\s+(?:[\w'-]+\s+){0,2}$")
# "We may provide personal information to business partners", "share personal data with
# third parties": personal information in general passed on to others, which says who
# receives data, not which data is collected.
_TO_OTHERS_AFTER = re.compile(
    r"\W*(?:\([^()]{0,80}\)\s*)?(?:to|with)\s+(?:our\s+|the\s+|any\s+|such\s+|other\s+|these\s+|certain\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:third[- ]part(?:y|ies)|partners?|sponsors?|affiliates?|vendors?|service providers?|"
    r"advertisers?|companies|businesses|authorities|law enforcement)\b"
)
# The title of a section whose topic is not what is collected: the person's rights and
# choices, opting out, links to other sites and content embedded from them, transfers,
# how long data is kept, deletion, changes to the policy. Data named there ("You may ask
# for a copy of your personal data", "we may ask for proof of identity", "changes in who
# handles your contact details") is what a right, a transfer or a change is about, not a
# statement of collection; unless the title also speaks of collected data ("Information
# we collect and your rights"). Security sections are left out: they often say what the
# person discloses in a transaction ("you disclose your postal address to the buyer").
_ELSEWHERE_TITLE = re.compile(
    r"\b(?:rights?|opt(?:ing)?[- ]?outs?|choices?|links?|embedded|transfers?|retention|retain\w*|delet\w*|"
    r"changes?|amendments?|updates?)\b"
)
_DATA_TITLE = re.compile(
    r"collect|\b(?:information|data) we\b|categor|\btypes? of\b|\bwhat (?:personal )?(?:information|data)\b"
)
# The title of a section about tracking mechanisms ("Cookies", "Tracking technologies we
# use"): there the mechanism is the topic, and naming it ("Cookies are set when ...", "we
# use cookies and web beacons to ...") says how it works, not which data is collected.
_MECHANISM_TITLE = re.compile(r"\b(?:cookies?|tracking|beacons?|pixels?|tags|sdks?|local storage)\b")
# Children and parents: a generic term there is about an audience the service is not
# meant for or about parental consent ("children need a parent's consent
# before they share personal information"), not about what the service collects.
_CHILDREN = re.compile(r"\bchild(?:ren)?\b|\bchildren.s\b|\bminors?\b|\bkids\b|\bparental\b|\bparents?.? consent\b")
# Nouns that make a data term name a business or a service rather than the data:
# "credit card processors", "payment processing", "credit card companies".
_SERVICE_HEAD = re.compile(r"\s*(?:processing|processors?|issuers?|companies|company|offerings?|industry)\b")
# "When you provide feedback", "if you send us feedback": survey data named as the
# occasion of a collection, not as what is collected.
_OCCASION_BEFORE = factored_by_first_letter(
    re.compile(
        r"\b(?:when|whenever|if|once)\s+(?:you|users?|visitors?|members?)\s+"
        r"(?:(?:choose|decide|want|wish|elect)\s+to\s+)?(?:[\w-]+\s+){1,2}$|\bwhen\s+\w+ing\s+$"
    )
)
# "To request feedback", "respond to customer feedback", "poll your opinions": asking for
# or answering opinions is a purpose (customer service, research), not the data collected.
_SURVEY_PURPOSE_BEFORE = re.compile(
    r"\b(?:request|requests|requesting|solicit\w*|respond(?:s|ing)? to|poll|polling)\s+(?:[\w-]+\s+){0,2}$"
)
# "the collected personal data": a participle that describes the term just after it.
_PARTICIPLE_BEFORE = re.compile(r"\b(?:collected|provided|submitted|gathered|obtained|received)\s+$")
# "The categories are:", "These include:": a short list intro that leans on the sentence before it.
_SHORT_INTRO = re.compile(r"\W*(?:[\w'-]+\s+){0,5}[\w'-]+\s*:\s*$")
# "Personal Data: device information; session duration; ...": a line that labels the list
# after it as personal data states what is handled, like a verb would.
_DATA_LABEL = re.compile(r"\W*(?:personal|user)\s+(?:data|information)\s*:")
# A list item under "We collect the following:" is short and has no verb of its own.
_LIST_ITEM_WORDS = 25
# How far back a list line looks for the sentence that introduces its list.
_MAX_LIST_LINES = 60
_OBJECT_FOLLOWS = re.compile(r"\s+(?:your|their|the|a|an|all|any|some|certain|each|every|information|data|details)\b")
_WORD = re.compile(r"[a-z0-9]+")
# Words a data heading may carry besides its term: "Location Information", "Your Device Data".
_HEADING_FILLER = frozenset("information data details your our the of and we collect collected".split())
# Characters around a term that a governing verb or a possessive is looked for in.
_WINDOW = 70
# Most characters between two items of a list of data ("name, email and phone").
_LIST_GAP = 8
# A list line that is only a list-only term ("Country") names the data by itself.
_BARE_LIST_LINE_WORDS = 4


# Slots: built for every sentence with data and read for every term of it.
@dataclass(slots=True)
class SentenceInfo:
    start: int
    end: int
    lower: str
    is_list_line: bool
    definition: bool
    # The vocabulary matches of the sentence, in document offsets (`data_spans`: relative
    # to `start`, built when first asked for).
    spans: list[tuple[int, int]] = field(default_factory=list)
    # Whole-sentence cues asked about for every term of the sentence: searched once.
    cues: dict[str, bool] = field(default_factory=dict)

    # Bit i set: `_CUES[i]` may occur in the sentence (its required literals do).
    mask: int = -1
    # The practice cue. `has_cue` reads it on first use: half the sentences with data
    # are never asked.
    practice_cue: re.Pattern[str] | None = None
    # The cues asked about by their alternatives (`_SPLIT_CUES`): the cue and, for each
    # alternative, its bit in `mask` and the pattern run.
    split: dict[str, tuple[re.Pattern[str], tuple[tuple[int, re.Pattern[str]], ...]]] = field(default_factory=dict)
    _has_cue: bool | None = field(default=None, init=False, repr=False)
    _data_spans: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)

    @property
    def data_spans(self) -> list[tuple[int, int]]:
        """The vocabulary matches of the sentence, relative to its start."""
        relative = self._data_spans
        if relative is None:
            start = self.start
            relative = self._data_spans = [(s - start, e - start) for s, e in self.spans]
        return relative

    @property
    def has_cue(self) -> bool:
        """The sentence states a practice: it holds a practice cue that is not part of a data term.

        A cue that is part of a data term ("log" in "log data", "access" in "access
        logs") says nothing about the sentence, unless an object follows the term:
        "our web server logs your browser type" is a verb after all.
        """
        found = self._has_cue
        if found is None:
            found = False
            cue, lower = self.practice_cue, self.lower
            if cue is not None:
                spans, start = self.spans, self.start
                if spans:
                    for match in cue.finditer(lower):
                        at = match.start() + start
                        # A term masks the cue unless an object follows it: asked only of
                        # the terms a match falls in (most sentences' first match is in
                        # none), not of every term of the sentence beforehand.
                        for s, e in spans:
                            if s <= at < e and not _OBJECT_FOLLOWS.match(lower, e - start):
                                break
                        else:
                            found = True
                            break
                else:
                    # Nothing masked: any match will do, and the first one says so.
                    found = cue.search(lower) is not None
            self._has_cue = found
        return found

    def has(self, name: str, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` (a cue called `name`) occurs in the sentence."""
        found = self.cues.get(name)
        if found is None:
            bit = _CUE_BIT.get(name)
            split = self.split.get(name)
            if bit is not None and not (self.mask >> bit) & 1:
                found = False
            elif split is not None and split[0] is pattern:
                # The cue matches where one of its alternatives does; each runs only
                # where its own literals occur.
                mask, lower = self.mask, self.lower
                found = any(mask >> alt_bit & 1 and alt.search(lower) is not None for alt_bit, alt in split[1])
            else:
                found = factored_by_first_letter(pattern).search(self.lower) is not None
            self.cues[name] = found
        return found


# Whole-sentence cues, by their name in the rule set: a sentence runs one only when the
# one-pass literal scan (`ctx.pattern_masks`) says it may match there. The practice cue
# is not among them: its literals are the commonest verbs ("use", "provide", "share")
# and "your", found in three sentences in four; looking for them was a third of the
# scan's hits, to spare a search in the few sentences asked about that lack them.
_CUES = (
    "contact_us_cue",
    "definition_sentence",
    "mechanism_collects",
    "retention_statement",
    "collection_verb",
    "generic_veto",
    "security_measure",
    "gathering_verb",
    # Asked about by `extract/purposes.py`, through `PracticeGate.may_match`.
    "purpose_clauses.user_choice",
    "purpose_clauses.definition",
    "purpose_clauses.commitment",
    # Asked about for every term (`addresses_specific_audience`).
    "specific_audience",
)
# This module's own whole-sentence cues, whose bits follow those of `_CUES` in the same
# one-pass literal scan: a sentence runs one only where its literals occur.
_LOCAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    *_USER_ACTIONS,
    ("advice", _ADVICE),
    ("do_not_track", _DO_NOT_TRACK),
    ("request_contents", _REQUEST_CONTENTS),
    ("others_practices", _OTHERS_PRACTICES),
    # Asked about for generic terms (`generic_aside`); true in a few sentences in a hundred.
    ("generic_meta", _GENERIC_META),
    ("generic_elsewhere", _GENERIC_ELSEWHERE),
    ("children", _CHILDREN),
)
_CUE_BIT = {name: bit for bit, name in enumerate((*_CUES, *(name for name, _ in _LOCAL_CUES)))}
# Yes-or-no cues with many alternatives whose literals, taken together, occur in many
# sentences where the cue does not match ("for " of a retention period, "access" of a
# right): each alternative gets its own bit in the literal scan, above those of
# `_CUE_BIT`, and `SentenceInfo.has` runs only the alternatives whose literals occur.
# A sentence holds a match of the cue exactly when it holds one of an alternative.
# Over the OPP-115 texts these three took 4-5 ms a pass off the searches for 1.5 ms more
# scan; `generic_elsewhere` split ("right", "for ... following") cost the scan more
# than it saved.
_SPLIT_CUES = ("retention_statement", "mechanism_collects", "generic_veto")


def _bits(*names: str) -> int:
    return sum(1 << _CUE_BIT[name] for name in names)


# Cues asked about for many terms, as bits of `SentenceInfo.mask`: a clear bit answers
# `SentenceInfo.has` (no match), so the callers test it before they call.
_RETENTION_BIT = _bits("retention_statement")
_DEFINITION_BIT = _bits("definition_sentence")
_GENERIC_VETO_BIT = _bits("generic_veto")
_CONTACT_US_BIT = _bits("contact_us_cue")
_MECHANISM_BIT = _bits("mechanism_collects")
# A sentence whose scan found none of the cues of `_sentence_vetoes`, or of the user
# actions, has none of them: most sentences are answered by one test.
_VETO_BITS = _bits("advice", "do_not_track", "request_contents", "others_practices", "security_measure")
_USER_ACTION_BITS = tuple((_bits(name), pattern) for name, pattern in _USER_ACTIONS)
_ANY_USER_ACTION = _bits(*(name for name, _ in _USER_ACTIONS))


def _cue(rules: RuleSet, name: str) -> re.Pattern[str]:
    owner: object = rules
    for part in name.split("."):
        owner = getattr(owner, part)
    assert isinstance(owner, re.Pattern)
    return owner


class _DocumentGate:
    """What the gate knows of a document that does not depend on who asks: built once
    per document and shared by the extractors (`PracticeGate.info` is a pure function
    of the sentence)."""

    def __init__(self, ctx: DocumentContext) -> None:
        rules = ctx.rules
        self.info: dict[int, SentenceInfo] = {}
        # Spans of the sense traps of each sentence, run when a term of it first asks:
        # sentences read only for their cues or list lines (the purposes') never run them.
        self.trap_spans: dict[int, list[tuple[int, int]]] = {}
        self.spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
        self.specific_by_sentence: dict[int, list[tuple[DataCategoryRule, int, int]]] = {}
        self.traps = tuple(trap.pattern for trap in rules.sense_traps)
        # What runs on a sentence: the same matches, found faster (`factored_by_first_letter`).
        self.run_traps = tuple(factored_by_first_letter(trap) for trap in self.traps)
        # One literal scan for the sense traps and the sentence cues: bits 0..n-1 are
        # the traps, the bits above them the cues.
        cues = tuple(_cue(rules, name) for name in _CUES)
        local = tuple(pattern for _, pattern in _LOCAL_CUES)
        self.split = _split_cues(rules)
        alternatives = tuple(alt for _, alts in self.split.values() for _, alt in alts)
        self.masks = ctx.pattern_masks(self.traps + cues + local + alternatives)
        self.trap_bits = (1 << len(self.traps)) - 1
        # The "definition" trap ("Usage Data refers to") gives way in a definition that
        # says its data is collected.
        self.definition_trap_bits = sum(1 << i for i, trap in enumerate(rules.sense_traps) if trap.id == "definition")
        self.list_only = _list_only(rules)
        self.practice_cue = _practice_cue(rules)
        categories = _categories(rules)
        # The data clauses with their category and sentence, in document order: each is
        # placed once here, and `extract_practices` reads them from this list.
        self.data_clauses: list[tuple[str, DataCategoryRule, int, int, int]] = []
        starts = ctx.sentence_starts
        data_clauses, spans_by_sentence, specific_by_sentence = (
            self.data_clauses,
            self.spans_by_sentence,
            self.specific_by_sentence,
        )
        # The clauses come in document order: the sentence of the one before is asked
        # first (`ctx.sentence_index` only when the clause is past it).
        index, low, high = 0, 1, 0
        spans: list[tuple[int, int]] = []
        for kind, rule_id, start, end in ctx.clauses:
            if kind == DATA:
                if not low <= start < high:
                    index = max(0, bisect_right(starts, start) - 1)
                    low = starts[index] if starts and index > 0 else -1
                    high = starts[index + 1] if index + 1 < len(starts) else 1 << 62
                    spans = spans_by_sentence.setdefault(index, [])
                category = categories[rule_id]
                data_clauses.append((rule_id, category, start, end, index))
                spans.append((start, end))
                if category.gate == "specific":
                    specific_by_sentence.setdefault(index, []).append((category, start, end))

    @staticmethod
    def of(ctx: DocumentContext) -> _DocumentGate:
        shared = ctx.shared.get(_DocumentGate)
        if not isinstance(shared, _DocumentGate):
            shared = ctx.shared[_DocumentGate] = _DocumentGate(ctx)
        return shared


def _split_cues(rules: RuleSet) -> dict[str, tuple[re.Pattern[str], tuple[tuple[int, re.Pattern[str]], ...]]]:
    """`_SPLIT_CUES` by name: the cue and its alternatives with their bits (relative to
    the cue bits, as `SentenceInfo.mask` holds them); the same pattern objects for every
    document, so that the literal scan of the tables is built once."""

    def build() -> dict[str, tuple[re.Pattern[str], tuple[tuple[int, re.Pattern[str]], ...]]]:
        local = dict(_LOCAL_CUES)
        bit = len(_CUE_BIT)
        out: dict[str, tuple[re.Pattern[str], tuple[tuple[int, re.Pattern[str]], ...]]] = {}
        for name in _SPLIT_CUES:
            cue = local[name] if name in local else _cue(rules, name)
            alternatives = _alternatives(cue)
            if len(alternatives) < 2:
                continue
            out[name] = (cue, tuple((bit + i, alt) for i, alt in enumerate(alternatives)))
            bit += len(alternatives)
        return out

    return remembered(rules, "practices.split_cues", build)


def _alternatives(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns one of which matches in a text exactly when `pattern` does: its top-level
    alternatives, or those of a `\\b(?:A|B|...)` group that is the whole pattern
    (`\\bA`, `\\bB`, ...), each grouped by first letter (`factored_by_first_letter`)."""
    parts = top_alternatives(pattern)
    source = pattern.pattern
    if len(parts) == 1 and source.startswith("\\b(?:") and source.endswith(")"):
        try:
            # The body compiles only when balanced: the group then closes at the end.
            body = re.compile(source[5:-1], pattern.flags)
        except re.error:
            body = None
        if body is not None:
            parts = tuple(re.compile(f"\\b(?:{part.pattern})", pattern.flags) for part in top_alternatives(body))
    return tuple(factored_by_first_letter(part) for part in parts)


def _practice_cue(rules: RuleSet) -> re.Pattern[str]:
    """The practice cue, read in every sentence with data: its long alternation grouped
    by first letter (the same matches, about twice as fast)."""
    return factored_by_first_letter(rules.practice_cue)


def _categories(rules: RuleSet) -> dict[str, DataCategoryRule]:
    """The data categories by rule id (`rule_id` formats its string at every ask)."""
    return remembered(rules, "practices.categories", lambda: {c.rule_id: c for c in rules.data_categories})


def _list_only(rules: RuleSet) -> frozenset[str]:
    return remembered(
        rules,
        "practices.list_only",
        lambda: frozenset(
            form for c in rules.data_categories for term in c.list_only_terms for form in plural_forms(term)
        ),
    )


class PracticeGate:
    """Decides, per vocabulary match, whether it is part of a data practice."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.rules: RuleSet = ctx.rules
        document = self.document = _DocumentGate.of(ctx)
        self._info = document.info
        self._practice: dict[int, bool] = {}
        self._spans_by_sentence = document.spans_by_sentence
        # Specific (concrete) data terms of each sentence, with their category rules.
        self._specific_by_sentence = document.specific_by_sentence
        self._concrete: dict[int, bool] = {}
        self._user_action: dict[int, int] = {}
        self._user_action_list: dict[int, bool] = {}
        self._vetoes: dict[int, int] = {}
        # `_section_titled`'s answers by (section title, topic).
        self._titled: dict[tuple[str, re.Pattern[str]], bool] = {}
        # `_governed`'s cues by (gate, negated); None for a gate without cues.
        self._gate_cues: dict[tuple[str, bool], tuple[re.Pattern[str], re.Pattern[str]] | None] = {}
        # Which sense traps can match in each sentence (most match in none).
        self._traps = document.run_traps
        self._trap_spans = document.trap_spans
        self._masks = document.masks
        self._trap_bits = document.trap_bits
        self._definition_trap_bits = document.definition_trap_bits
        self._list_only = document.list_only
        self._practice_cue = document.practice_cue
        self._split = document.split

    # -- per sentence ------------------------------------------------------------------

    def info(self, index: int) -> SentenceInfo:
        cached = self._info.get(index)
        if cached is not None:
            return cached
        ctx = self.ctx
        start, end = ctx.sentence(index)
        lower = ctx.lower[start:end]
        spans = self._spans_by_sentence.get(index) or []
        cues = self._masks[index] >> len(self._traps)
        text = ctx.text
        line_start = start == 0 or text[start - 1] == "\n"
        line_end = end >= len(text) or text[end] == "\n" or lower.endswith("\n")
        info = SentenceInfo(
            start,
            end,
            lower,
            line_start and line_end and len(lower.split(maxsplit=_LIST_ITEM_WORDS)) <= _LIST_ITEM_WORDS,
            cues & _DEFINITION_BIT != 0 and self.rules.definition_sentence.search(lower) is not None,
            spans,
            {},
            cues,
            self._practice_cue,
            self._split,
        )
        self._info[index] = info
        return info

    def _sentence_traps(self, index: int, info: SentenceInfo) -> list[tuple[int, int]]:
        """Spans of the sense traps in the sentence, relative to its start."""
        spans = self._trap_spans.get(index)
        if spans is None:
            spans = self._trap_spans[index] = _trap_spans(self._traps, self._masks[index] & self._trap_bits, info.lower)
        return spans

    def _sentence_vetoes(self, index: int, info: SentenceInfo) -> int:
        """Whole-sentence contexts in which no term is a practice, computed once per
        sentence: advice to the person and Do-Not-Track disclosures (`_VETO_ANY`), and,
        for statements that are not negated, the contents of a request, other parties'
        practices and security measures without a gathering verb (`_VETO_AFFIRMED`). Each
        pattern runs only where its literals occur (`_LOCAL_CUES`)."""
        cached = self._vetoes.get(index)
        if cached is None and not info.mask & _VETO_BITS:
            cached = self._vetoes[index] = 0
        if cached is None:
            lower = info.lower
            cached = 0
            mask = info.mask
            if (mask >> _CUE_BIT["advice"] & 1 and _ADVICE.match(lower)) or info.has("do_not_track", _DO_NOT_TRACK):
                cached |= _VETO_ANY
            if info.has("request_contents", _REQUEST_CONTENTS) or info.has("others_practices", _OTHERS_PRACTICES):
                cached |= _VETO_AFFIRMED
            # "We encrypt card numbers with SSL", "such as financial information, we redirect you
            # to a secure server": the data a security measure protects, unless the sentence
            # also says it is gathered ("we collect card numbers over an encrypted connection").
            elif info.has("security_measure", self.rules.security_measure) and not info.has(
                "gathering_verb", self.rules.gathering_verb
            ):
                cached |= _VETO_AFFIRMED
            self._vetoes[index] = cached
        return cached

    def _user_action_at(self, index: int, info: SentenceInfo) -> int:
        """Where the first user action of the sentence starts (-1: none); the terms after
        it are what the person acts on."""
        cached = self._user_action.get(index)
        if cached is None:
            lower = info.lower
            first = -1
            mask = info.mask
            for bit, pattern in _USER_ACTION_BITS if mask & _ANY_USER_ACTION else ():
                if mask & bit:
                    found = pattern.search(lower)
                    if found is not None and (first < 0 or found.start() < first):
                        first = found.start()
            cached = self._user_action[index] = -1 if first < 0 else info.start + first
        return cached

    def collected_definition(self, info: SentenceInfo) -> bool:
        """A definition that says its data is collected ("X refers to data collected ...")."""
        return info.has("collected_definition", _COLLECTED_DEFINITION)

    def data_spans(self, index: int) -> list[tuple[int, int]]:
        """Every vocabulary match of the sentence, kept or not, in document offsets."""
        return self._spans_by_sentence.get(index, [])

    def may_match(self, index: int, cue: str) -> bool:
        """False when the sentence cannot hold a match of the cue (a name of `_CUES`)."""
        return bool(self._masks[index] >> (len(self._traps) + _CUE_BIT[cue]) & 1)

    def sentence_is_practice(self, index: int) -> bool:
        """The sentence has a practice cue, or is a list line of a practice list."""
        cached = self._practice.get(index)
        if cached is not None:
            return cached
        info = self.info(index)
        result = info.has_cue or (_DATA_LABEL.match(info.lower) is not None and ";" in info.lower)
        if not result and info.is_list_line:
            result = self._list_is_practice(index) or self._heading_is_practice(info.start)
        self._practice[index] = result
        return result

    def _list_is_practice(self, index: int) -> bool:
        """A list line inherits from the sentence that introduces its list, in the same section."""
        ctx = self.ctx
        section = ctx.section_id(self.info(index).start)
        j = index - 1
        steps = 0
        while j >= 0 and steps < _MAX_LIST_LINES:
            prev = self.info(j)
            if ctx.section_id(prev.start) != section:
                return False
            intro = not prev.is_list_line or self.rules.list_intro.search(prev.lower.rstrip()) is not None
            if intro:
                if prev.has_cue or j == 0 or not _SHORT_INTRO.match(prev.lower):
                    return prev.has_cue
                # "We collect these categories ... The categories are:": a short
                # intro without a verb of its own continues the sentence before it.
                before = self.info(j - 1)
                return ctx.section_id(before.start) == section and before.has_cue
            cached = self._practice.get(j)
            if cached is not None:
                return cached
            j -= 1
            steps += 1
        return False

    def _list_of_user_action(self, index: int) -> bool:
        """A list line whose list is introduced by the person's right or request ("You have
        the right to know:", "You can ask us for:"): its items are what the person may ask
        about ("the categories of personal data we collected"), not data the provider
        collects there."""
        cached = self._user_action_list.get(index)
        if cached is None:
            cached = False
            ctx = self.ctx
            section = ctx.section_id(self.info(index).start)
            for j in range(index - 1, max(-1, index - 1 - _MAX_LIST_LINES), -1):
                prev = self.info(j)
                if ctx.section_id(prev.start) != section:
                    break
                if prev.lower.rstrip().endswith(":"):
                    cached = self._user_action_at(j, prev) >= 0
                    break
                if not prev.is_list_line:
                    break
                # The line before belongs to the same list: its answer is this one's.
                known = self._user_action_list.get(j)
                if known is not None:
                    cached = known
                    break
            self._user_action_list[index] = cached
        return cached

    def _heading_is_practice(self, pos: int) -> bool:
        return self.rules.section_practice_cue.search(self.ctx.section_titles(pos)) is not None

    # -- per term ----------------------------------------------------------------------

    def _governed(
        self, gate_name: str, info: SentenceInfo, start: int, end: int, negated: bool = False, before_only: bool = False
    ) -> bool:
        key = (gate_name, negated)
        if key in self._gate_cues:
            cues = self._gate_cues[key]
        else:
            cues = self._gate_cues[key] = self._governing(gate_name, negated)
        if cues is None:
            return False
        before_cue, after_cue = cues
        lower = self.ctx.lower
        found = before_cue.search(lower[max(info.start, start - _WINDOW) : start])
        if found is not None:
            # "You have the right to request your personal data": the user asks, not the provider.
            return self.rules.user_request.search(lower[max(info.start, start - _WINDOW - 40) : start]) is None
        return not before_only and after_cue.search(lower[end : min(info.end, end + _WINDOW)]) is not None

    def _governing(self, gate_name: str, negated: bool) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """The cues before and after a term of the gate, as `_governed` runs them."""
        gate = self.rules.term_gates.get(gate_name)
        if gate is None:
            return None
        before_cue = (gate.negated_before or gate.before) if negated else gate.before
        after_cue = (gate.negated_after or gate.after) if negated else gate.after
        return factored_by_first_letter(before_cue), factored_by_first_letter(after_cue)

    def _listed_with_data(self, info: SentenceInfo, start: int, end: int) -> bool:
        """The term is an item of a list that also holds data which is not list-only:
        "street, city, state and postcode", not "outside your state, province or country"."""
        lower = self.ctx.lower
        spans = info.spans
        here = next((i for i, span in enumerate(spans) if span == (start, end)), None)
        if here is None:
            return False

        def joined(left: tuple[int, int], right: tuple[int, int]) -> bool:
            gap = lower[left[1] : right[0]]
            return 0 <= len(gap) <= _LIST_GAP and self.rules.list_joiner.search(gap) is not None

        for step in (-1, 1):
            i = here
            while 0 <= i + step < len(spans):
                a, b = (spans[i + step], spans[i]) if step < 0 else (spans[i], spans[i + step])
                if not joined(a, b):
                    break
                i += step
                if lower[spans[i][0] : spans[i][1]] not in self._list_only:
                    return True
        return False

    def _reads_as_data(self, info: SentenceInfo, start: int, end: int) -> bool:
        """An ambiguous term is data after a possessive, in a list of data terms, or as an object."""
        lower = self.ctx.lower
        if self.rules.possessive.search(lower[max(info.start, start - 30) : start]):
            return True
        if _OF_THE_PERSON.match(lower, end, min(info.end, end + _WINDOW)):
            return True
        for s, e in info.spans:
            gap = lower[e:start] if e <= start else lower[end:s] if s >= end else None
            if gap is not None and len(gap) <= 8 and (s, e) != (start, end) and self.rules.list_joiner.search(gap):
                return True
        return self._governed("generic", info, start, end)

    def keep_heading(self, category: DataCategoryRule, start: int, end: int) -> bool:
        """A heading that names a kind of data ("Log Data", "Location Information") in a
        section about collected data heads the description of that data."""
        if category.gate != "specific":
            return False
        info = self.ctx.section_at(start)
        if info is None or info.parent is None or not (info.node.start <= start < info.node.heading_end):
            return False
        title = info.title_lower
        if not title or len(title) > 60:
            return False
        words = [w for w in _WORD.findall(title) if w not in _HEADING_FILLER]
        term_words = set(_WORD.findall(self.ctx.lower[start:end]))
        if len([w for w in words if w not in term_words]) > 1:
            return False
        return self.rules.section_practice_cue.search(self.ctx.section_titles(info.parent.node.start)) is not None

    def _has_concrete(self, index: int) -> bool:
        """The sentence names a concrete kind of data that is kept ("your name", "IP address")."""
        cached = self._concrete.get(index)
        if cached is None:
            cached = any(self.keep_data(c, index, s, e) for c, s, e in self._specific_by_sentence.get(index, []))
            self._concrete[index] = cached
        return cached

    def generic_aside(self, index: int, start: int, end: int) -> bool:
        """A generic term that the sentence mentions beside its point: data used rather
        than collected, the notice's scope, children, a subject that the sentence goes on
        to describe. Such a term is only a fallback record."""
        info = self.info(index)
        lower = self.ctx.lower
        return (
            self._used_not_collected(info, start)
            or info.has("generic_meta", _GENERIC_META)
            or info.has("generic_elsewhere", _GENERIC_ELSEWHERE)
            or _NOMINAL_COLLECTION.search(lower, max(info.start, start - _WINDOW), start) is not None
            or info.has("retention_statement", self.rules.retention_statement)
            or _TO_OTHERS_AFTER.match(lower, end, min(info.end, end + _WINDOW)) is not None
            or (info.has("children", _CHILDREN) and "child" not in lower[start:end])
            or (
                _SUBJECT_START.match(lower, info.start, start) is not None
                and _RELATIVE_COLLECTION_THEN_VERB.match(lower, end, min(info.end, end + _WINDOW)) is not None
            )
        )

    def _used_not_collected(self, info: SentenceInfo, start: int) -> bool:
        """A generic term that is the object of a use, sharing, keeping or processing
        verb ("we may use personal information collected through the app", "we retain
        the personal data we collect") says what is done with data, not which data is
        collected, unless a collection verb governs it too ("collect and use personal
        information")."""
        before = self.ctx.lower[max(info.start, start - _WINDOW) : start]
        if _HANDLED_BEFORE.search(before) is None:
            return False
        # "use collected personal data": the participle describes the data, it governs nothing.
        participle = _PARTICIPLE_BEFORE.search(before)
        verb = factored_by_first_letter(self.rules.collection_verb)
        return verb.search(before, 0, participle.start() if participle else len(before)) is None

    def _mechanism_collects(self, info: SentenceInfo, start: int, end: int) -> bool:
        """A tracking mechanism is a category when it gathers data or is listed among data:
        "cookies collect your IP address", "information collected through cookies",
        "Usage Data; Cookies"; not a bare "we use cookies to remember you", nor "cookies and
        similar technologies", a list of mechanisms only."""
        if info.mask & _MECHANISM_BIT and info.has("mechanism_collects", self.rules.mechanism_collects):
            return True
        return self._listed_with_specific(self.ctx.sentence_index(start), start, end)

    def _listed_with_specific(self, index: int, start: int, end: int) -> bool:
        """The term is joined by a list joiner to a term of a specific (concrete) category."""
        lower = self.ctx.lower
        for _, s, e in self._specific_by_sentence.get(index, []):
            gap = lower[e:start] if e <= start else lower[end:s] if s >= end else None
            if gap is not None and len(gap) <= _LIST_GAP and self.rules.list_joiner.search(gap):
                return True
        return False

    def keep_data(
        self, category: DataCategoryRule, index: int, start: int, end: int, negated: bool = False, strict: bool = True
    ) -> bool:
        """Whether the match is part of a data practice.

        With `strict=False` the vetoes that only a document-level fallback may lift are
        skipped: a generic term next to concrete data or mentioned aside, a mechanism
        that is only used. The whole-sentence vetoes (the person's own acts, advice,
        requests, encryption, other parties) are asked last, for terms that pass the
        rest, so that most sentences never run them.
        """
        verdict = self.verdict(category, index, start, end, negated)
        return verdict == KEEP if strict else verdict != NO

    def verdict(self, category: DataCategoryRule, index: int, start: int, end: int, negated: bool = False) -> int:
        """`KEEP` when `keep_data` holds, `FALLBACK` when it holds only with `strict=False`, else `NO`."""
        verdict = self._verdict(category, index, start, end, negated)
        if verdict == NO:
            return NO
        info = self._info.get(index) or self.info(index)
        if "depend" in info.lower and _CONDITION_BEFORE.search(self.ctx.lower, info.start, start):
            return NO
        if not negated and 0 <= self._user_action_at(index, info) <= start:
            return NO
        if not negated and info.is_list_line and self._list_of_user_action(index):
            return NO
        if not negated and self._section_elsewhere(start):
            return NO
        vetoes = self._sentence_vetoes(index, info)
        return NO if vetoes & _VETO_ANY or (not negated and vetoes & _VETO_AFFIRMED) else verdict

    def _section_elsewhere(self, pos: int) -> bool:
        """The innermost section's title is about rights, choices, retention, transfers,
        links or changes (`_ELSEWHERE_TITLE`), not about collected data."""
        return self._section_titled(pos, _ELSEWHERE_TITLE)

    def _section_titled(self, pos: int, topic: re.Pattern[str]) -> bool:
        """The innermost section's title names `topic` and does not speak of collected data."""
        section = self.ctx.section_at(pos)
        if section is None:
            return False
        title = section.title_lower
        # Asked for every term that passes the other checks: answered once per title.
        key = (title, topic)
        found = self._titled.get(key)
        if found is None:
            found = self._titled[key] = topic.search(title) is not None and _DATA_TITLE.search(title) is None
        return found

    def _verdict(self, category: DataCategoryRule, index: int, start: int, end: int, negated: bool) -> int:
        ctx, rules = self.ctx, self.rules
        lower = ctx.lower
        info = self._info.get(index) or self.info(index)
        # "Cookies are small text files ...", "'Personal data' means ...": a definition
        # names data without saying that anything is done with it.
        if info.definition and not self.collected_definition(info):
            return NO
        # A specific term needs a practice sentence whatever else holds: asked first
        # (once per sentence), it spares the checks below in most sentences.
        if category.gate == "specific" and not self.sentence_is_practice(index):
            return NO
        if rules.modifier_head.search(lower[end : end + 40]) or _SERVICE_HEAD.match(lower, end, end + 40):
            return NO
        if category.group in rules.owner_groups and (
            rules.owner.search(lower[max(info.start, start - 40) : start])
            or _ORGANISATION_OWNER.match(lower, end, min(info.end, end + 40))
        ):
            return NO
        if category.group == "contact" and _POINTER_AFTER.match(lower, end, min(info.end, end + 40)):
            return NO
        if lower.startswith("address", start) and _ADDRESS_OF_NETWORK.search(lower, max(info.start, start - 30), start):
            return NO
        before = lower[max(info.start, start - _WINDOW) : start]
        if lower.endswith(("settings", "setting"), start, end) and _SETTINGS_PLACE.search(before):
            return NO
        if category.group == "survey" and (_OCCASION_BEFORE.search(before) or _SURVEY_PURPOSE_BEFORE.search(before)):
            return NO
        if category.group == "user_profile" and not negated and _PURPOSE_TARGET_BEFORE.search(before):
            return NO
        # The sense traps, the whole-sentence cues (retention, the generic veto) and the
        # fallback test are asked last, of the terms that pass the rest: each answer is a
        # pure function of the term and its sentence, so the order of the checks does not
        # change it, and sentences whose terms all fail earlier never run them.
        gate = category.gate
        if gate != "specific":
            if gate == "mechanism" and not negated and self._listed_with_specific(index, start, end):
                # "Personal Data processed: Cookies; Usage Data": an item of a list of data.
                if not self.sentence_is_practice(index):
                    return NO
            elif not self._governed(gate, info, start, end, negated):
                return NO
            if self._trapped(index, info, start, end):
                return NO
            if (
                gate == "generic"
                and not negated
                and info.mask & _GENERIC_VETO_BIT
                and info.has("generic_veto", rules.generic_veto)
            ):
                return NO
            if self._retention_only(info, start, end, before, negated):
                return NO
            return FALLBACK if not negated and self._fallback_only(category, index, info, start, end, negated) else KEEP
        # "Write to us with your name and question": the user's own channel to the provider.
        if (
            info.mask & _CONTACT_US_BIT
            and info.has("contact_us_cue", rules.contact_us_cue)
            and not self._governed("generic", info, start, end)
        ):
            return NO
        term = lower[start:end]
        if term in self._list_only and category.list_only_terms:
            listed = (
                self._listed_with_data(info, start, end)
                or self._governed("generic", info, start, end, before_only=True)
                or (info.is_list_line and len(info.lower.split()) <= _BARE_LIST_LINE_WORDS)
            )
            if not listed:
                return NO
        elif term in category.ambiguous_terms and not self._reads_as_data(info, start, end):
            return NO
        if term in ("name", "names") and (
            _OTHER_NAME_BEFORE.search(lower, max(info.start, start - 30), start) or _OTHER_NAME_AFTER.match(lower, end)
        ):
            return NO
        if self._trapped(index, info, start, end):
            return NO
        return NO if self._retention_only(info, start, end, before, negated) else KEEP

    def _trapped(self, index: int, info: SentenceInfo, start: int, end: int) -> bool:
        """A sense trap of the sentence covers the term."""
        traps: list[tuple[int, int]] | None
        if info.definition and self._definition_trap_bits and self.collected_definition(info):
            bits = self._masks[index] & self._trap_bits & ~self._definition_trap_bits
            traps = _trap_spans(self._traps, bits, info.lower)
        else:
            traps = self._trap_spans.get(index)
            if traps is None:
                traps = self._sentence_traps(index, info)
        if not traps:
            return False
        rel_start, rel_end = start - info.start, end - info.start
        return any(s <= rel_start and rel_end <= e for s, e in traps)

    def _retention_only(self, info: SentenceInfo, start: int, end: int, before: str, negated: bool) -> bool:
        """Whether the term is the object of keeping, not of collecting.

        "We retain Usage Data for a shorter period" says how long data is kept, not which
        is held; "we keep your location history for as long as you choose" still names it.
        """
        if negated:
            return False
        lower, rules = self.ctx.lower, self.rules
        return bool(
            (
                (info.mask & _RETENTION_BIT and info.has("retention_statement", rules.retention_statement))
                or (
                    ("retain" in before or "keep" in before or "kept" in before)
                    and _RETAINED_BEFORE.search(before)
                    and not _RELATIVE_CLAUSE.match(lower, end, info.end)
                )
            )
            and not info.has("collection_verb", rules.collection_verb)
            and not rules.possessive.search(lower[max(info.start, start - 30) : start])
        )

    def _fallback_only(
        self, category: DataCategoryRule, index: int, info: SentenceInfo, start: int, end: int, negated: bool
    ) -> bool:
        """A generic term beside concrete data or mentioned aside, a mechanism that is only
        used: a practice only where the document says nothing stronger."""
        if negated:
            return False
        if category.gate == "generic":
            return self.generic_aside(index, start, end) or self._has_concrete(index)
        return category.gate == "mechanism" and (
            not self._mechanism_collects(info, start, end)
            or (self._section_titled(start, _MECHANISM_TITLE) and not self._listed_with_specific(index, start, end))
        )


def _trap_spans(traps: tuple[re.Pattern[str], ...], mask: int, lower: str) -> list[tuple[int, int]]:
    """Spans of the sense traps in a sentence, running only those its mask allows."""
    spans: list[tuple[int, int]] = []
    while mask:
        lowest = mask & -mask  # the lowest bit set: most masks have none or one
        spans += [m.span() for m in traps[lowest.bit_length() - 1].finditer(lower)]
        mask ^= lowest
    return spans


_AUDIENCE_KEY = object()  # `ctx.shared` key of `addresses_specific_audience`'s answers


def addresses_specific_audience(ctx: DocumentContext, index: int) -> bool:
    """The sentence is about a specific audience: children or minors ("users under 13 may
    not register", "with a parent's consent"), or California residents asking about
    disclosures for direct marketing. What such a sentence names is a rule for that
    audience, not a practice of the service; only its denial ("we do not knowingly collect
    personal information from children under 13") is kept, as a negated record.

    Asked for every term, by the data practices and the purposes: answered once per
    sentence, and only sentences holding one of the cue's literals run it.
    """
    memo = ctx.shared.get(_AUDIENCE_KEY)
    if not isinstance(memo, dict):
        memo = ctx.shared[_AUDIENCE_KEY] = {}
    found = memo.get(index)
    if found is None:
        found = memo[index] = _addresses_specific_audience(ctx, index)
    return bool(found)


def _addresses_specific_audience(ctx: DocumentContext, index: int) -> bool:
    document = _DocumentGate.of(ctx)
    if 0 <= index < len(document.masks):
        bit = len(document.traps) + _CUE_BIT["specific_audience"]
        if not document.masks[index] >> bit & 1:
            return False
    start, end = ctx.sentence(index)
    if ctx.rules.specific_audience.search(ctx.lower, start, end) is None:
        return False
    # "With a parent's consent, we collect the child's first name": a children's service
    # stating its own collection is a practice, whoever the audience.
    return ctx.rules.gathering_verb.search(ctx.lower, start, end) is None


# "D. Commercial information - NO": a heading of a disclosure list (the CCPA's categories,
# each marked YES or NO) that marks its category as not collected. A table row ending in
# "NO" is left alone: annotators read such rows as examples, whatever the last cell says.
_MARKED_NO_TITLE = re.compile(r"\s[-–:]\s*no\s*$")


def marked_not_collected(ctx: DocumentContext, start: int, end: int) -> bool:
    """The term is in, or under, a heading that a disclosure list marks "NO"."""
    info = ctx.section_at(start)
    return info is not None and _MARKED_NO_TITLE.search(info.title_lower) is not None


# "information (not including your name or email address) about your visits": data the
# sentence leaves out of what it says is handled.
# In brackets the aside runs to the closing bracket; after a comma or a dash, to the next.
_LEFT_OUT = re.compile(
    r"\(\s*(?:not including|excluding)\s+[^().;:!?]{0,120}$|"
    r"(?:,|—|–)\s*(?:but\s+)?(?:not including|excluding)\s+[^(),.;:!?—–]{0,80}$"
)


def left_out(ctx: DocumentContext, sentence_start: int, start: int) -> bool:
    """The term is in an aside that names what is not included ("(not including your name)")."""
    lower, begin = ctx.lower, max(sentence_start, start - 130)
    # Both forms hold "cluding" ("excluding", "not including"): most windows have neither.
    return lower.find("cluding", begin, start) >= 0 and _LEFT_OUT.search(lower, begin, start) is not None


def extract_practices(ctx: DocumentContext) -> list[DataCategory]:
    """Data-category records of a document, in document order.

    Personal information in general is no category in a sentence that names the data
    itself ("personal information such as your name": the name is), and a tracking
    mechanism counts where it gathers data or is listed among data, not where it is only
    used ("we use cookies to keep you signed in"). A policy that never says more than
    that still collects personal information and uses cookies: for each of the two
    gates, when no record of it was kept, the first sentence that passes the looser
    test keeps its terms.
    """
    gate = PracticeGate(ctx)
    data: list[DataCategory] = []
    kept_gates: set[str] = set()
    deferred: dict[str, list[tuple[int, DataCategory]]] = {}
    # Most documents have no section title that says "NO": their terms are not marked.
    any_marked_no = any(_MARKED_NO_TITLE.search(section.title_lower) for section in ctx.sections)
    # What is known of the sentence of the terms being read (they come in document order).
    current = -1
    sentence_start = sentence_end = reach = aside = 0
    audience: bool | None = None
    # The literal scan's answer for the audience cue, asked before the call.
    masks = gate.document.masks
    audience_bit = 1 << (len(gate.document.traps) + _CUE_BIT["specific_audience"])
    # A document without furniture (most plain texts) asks nothing of it.
    furniture = bool(ctx.furniture)
    for rule_id, category, start, end, index in gate.document.data_clauses:
        if furniture and ctx.in_furniture(start):
            continue
        if ctx.in_heading(start, end):
            if gate.keep_heading(category, start, end):
                data.append(
                    DataCategory(
                        **ctx.evidence(start, end, rule_id),
                        category=category.key,
                        group=category.group,
                        negated=marked_not_collected(ctx, start, end),
                    )
                )
            continue
        # A specific term needs a practice sentence, negated or not (`_verdict`): asked
        # first, it spares the negation and the rest of the gate.
        if category.gate == "specific" and not gate.sentence_is_practice(index):
            continue
        if index != current:
            current, audience = index, None
            sentence_start, sentence_end = ctx.sentence(index)
            reach = negation_reach(ctx, sentence_start)
            # `left_out` reads "cluding" in the window before a term: a term of the
            # sentence that starts before the end of its first one (most: the sentence
            # has none) is not left out.
            cluding = ctx.lower.find("cluding", sentence_start, sentence_end)
            aside = sentence_end + 1 if cluding < 0 else cluding + len("cluding")
        negated = (
            is_negated(ctx, sentence_start, start, end, sentence_end, reach)
            or (any_marked_no and marked_not_collected(ctx, start, end))
            or (start >= aside and left_out(ctx, sentence_start, start))
        )
        verdict = gate.verdict(category, index, start, end, negated)
        if verdict == NO:
            continue
        # Asked of the terms the gate keeps (both tests are pure: the order does not matter).
        if not negated:
            if audience is None:
                audience = (index >= len(masks) or masks[index] & audience_bit != 0) and addresses_specific_audience(
                    ctx, index
                )
            if audience:
                continue
        strict = verdict == KEEP
        record = DataCategory(
            **ctx.evidence(start, end, rule_id),
            category=category.key,
            group=category.group,
            negated=negated,
        )
        if strict:
            data.append(record)
            # Only a statement that the data is handled settles the gate: "we do not
            # collect personal information from children" does not.
            if not negated:
                kept_gates.add(category.gate)
        else:
            deferred.setdefault(category.gate, []).append((index, record))
    for gate_name, candidates in deferred.items():
        if gate_name not in kept_gates:
            first = candidates[0][0]
            data.extend(record for index, record in candidates if index == first)
    data.extend(_enumeration_items(ctx, gate, data))
    data.sort(key=lambda record: record.start)
    return _without_glosses(ctx, data)


# `internet protocol ("IP") address`: the bracketed short form between a term and the
# rest of its name (the quotes of the short form are optional).
_GLOSS_OPEN = re.compile(r"\s*\(\s*[\"“'‘]?\Z")
_GLOSS_CLOSE = re.compile(r"[\"”'’]?\s*\)")


def _without_glosses(ctx: DocumentContext, data: list[DataCategory]) -> list[DataCategory]:
    """Records without the bracketed short forms of the term just before them.

    "Internet Protocol ("IP") address" names one item, not two: the short form of a
    term of the same category is the same data again, and the record of the term
    reaches over it.
    """
    text = ctx.text
    kept: list[DataCategory] = []
    for record in data:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before.category == record.category
            and before.end <= record.start
            and record.start - before.end <= 6
            and _GLOSS_OPEN.match(text, before.end, record.start)
            and (close := _GLOSS_CLOSE.match(text, record.end))
        ):
            # The kept record reaches over the short form, which is part of its name.
            kept[-1] = DataCategory(
                **ctx.evidence(before.start, close.end(), before.rule),
                category=before.category,
                group=before.group,
                negated=before.negated,
            )
            continue
        kept.append(record)
    return kept


# -- enumerations ----------------------------------------------------------------------

# Most words of an enumeration item that the tables do not name ("heart rate variability").
_ITEM_WORDS = 6
# "information about how you use the app", "data relating to your orders": an item that
# says what it is about, clause words and all, listed with other data.
_ABOUT_ITEM = re.compile(
    r"(?:(?:the|your|other|any|certain|some|additional|related)\s+){0,2}(?:[\w-]+\s+)?(?:information|data|details)\s+"
    r"(?:about|regarding|relating to|related to|concerning|on how|on when|on which)\s+"
    # "information about how [and when you use]": a separator cut the item short.
    r"(?!(?:how|when|where|what|which|whether)$)"
)
_ABOUT_ITEM_WORDS = 14
# "(ii)", "b": the numbering of a list, not an item.
_ENUMERATOR = re.compile(r"^\(?(?:[ivx]{1,4}|[a-z])\)?$")
# "monitored and collected": a verb joined to the data, not an item of the list.
_PARTICIPLE = re.compile(r"(?<!spe)(?<!fe)ed$")
# Verbs that open an activity, not a kind of data: "complete a questionnaire", "send a
# text", "analyse trends", "adjusting your account settings" are things done, listed
# beside data in the same run of commas. Verbs whose forms also head data nouns
# ("contact details", "search queries", "access logs", "tracking data") are left out.
_ACTIVITY_VERBS = (
    "adjust administer allow analyse analyze change collect communicate complete comply conduct confirm "
    "create customise customize deliver detect determine develop enable ensure enter evaluate facilitate "
    "fill fulfil fulfill help identify improve investigate maintain make manage monitor notify offer opt "
    "operate optimise optimize participate perform personalise personalize prevent process protect provide "
    "publish read refund respond see select send stock submit suspend tailor understand update verify"
).split()
_ACTIVITY_VERB = re.compile(
    r"^(?:"
    + "|".join(sorted({f for v in _ACTIVITY_VERBS for f in (v, v + "s", v + "es", v + "ing", v[:-1] + "ing")}))
    + r")\b"
)
# "(also called a hash)", "(i.e. digitally scrambles)": a gloss in parentheses, not an item.
_GLOSS_ITEM = re.compile(r"(?:also\s+)?(?:called|known as|referred to|named)\b|\w+(?:ally|ively|ously|edly|ently)\s")
# Words that never name data on their own: "(by phone, e-mail,) or otherwise".
_NON_ITEM_WORDS = frozenset("otherwise elsewhere however therefore respectively thereof".split())
# A place or a route, not data: "transmitted over the Internet", "across devices"; nor
# the owner after a term that a separator cut off ("Address (home/work) of the User").
_PREPOSITION_ITEM = re.compile(r"^(?:of|over|across|between|among|against|towards?|upon|under|per|via|like)\b")
# '(the "Members")', '(collectively, "Records")': the quoted label a text gives to what it
# has just named, not an item of a list.
_DEFINED_LABEL = re.compile(r"\s*[\"“‘'][^\"“”‘’'()]{1,40}[\"”’']\s*\)")
_LEADING_FILLER = re.compile(r"^(?:(?:the|your|a|an|any|other|certain|their|its|his|her|some|all|also|additional)\s+)+")


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # "term" (a kept record), "item" (an unnamed item), "breaker"
    record: DataCategory | None = None
    intro_before: bool = False  # the piece follows an enumeration intro ("such as", ":")
    intro_after: bool = False  # an enumeration intro follows the piece: it is an umbrella
    # A term piece with more than its term ("analyse log data", "phone number to send
    # you messages") starts or ends a clause: the list does not run on past that side.
    # None until asked (`_closes`).
    closed_left: bool | None = False
    closed_right: bool | None = False


def _enumeration_items(ctx: DocumentContext, gate: PracticeGate, kept: list[DataCategory]) -> list[DataCategory]:
    """Items of an enumeration that the tables do not name, listed with kept data.

    "We collect your name, title and email address": "title" is listed with data that
    is kept, so it is data too, of the category of the data next to it. "Physiological
    data, such as heart rate variability, skin temperature": the items take the
    category of the umbrella that introduces them. Only sentences that already hold a
    kept, non-negated record are read, so an enumeration never makes a sentence a
    practice; each sentence is split once, so the work is linear.
    """
    rules = ctx.rules
    categories = _categories(rules)
    by_sentence: dict[int, list[DataCategory]] = {}
    for record in kept:
        if not record.negated and record.rule in categories:
            by_sentence.setdefault(ctx.sentence_index(record.start), []).append(record)
    # An item only ever takes its category from a record of a specific category
    # (`_category_source`): a sentence without one yields nothing and is not split.
    by_sentence = {
        index: records
        for index, records in by_sentence.items()
        if any(categories[r.rule].gate == "specific" for r in records)
    }
    out: list[DataCategory] = []
    for index, records in by_sentence.items():
        info = gate.info(index)
        if (info.definition and not gate.collected_definition(info)) or ctx.in_heading(info.start, info.end):
            continue
        out.extend(_sentence_items(ctx, info.start, info.end, records, gate.data_spans(index), categories))
    return out


def _cut_pattern(rules: RuleSet) -> re.Pattern[str]:
    """One pattern for the cuts of an enumeration: "(?P<intro>INTRO)|SEPARATOR".

    At each position `re` tries the intro first, then the separator, so the leftmost
    match is the leftmost cut of either kind, an intro winning a tie: what searching
    each pattern from the last cut and taking the earlier gave, in one C-level scan.
    """

    def build() -> re.Pattern[str]:
        intro, separator = rules.enumeration_intro, rules.enumeration_separator
        if intro.flags != separator.flags:
            raise ValueError("enumeration intro and separator must share their flags")
        return re.compile(f"(?P<intro>{intro.pattern})|(?:{separator.pattern})", intro.flags)

    return remembered(rules, "practices.enumeration_cuts", build)


def _cut_search(rules: RuleSet) -> tuple[re.Pattern[str], int | str] | None:
    """`_cut_pattern` without the leading `\\s*` of its intro and its separator (None
    when one lacks it): `re` tries the leading `\\s*` at every character of the
    sentence, which cost a quarter of the scan. With it, the group that holds its match:
    searched as `first_chars.skipping_search` builds it, `re` passes over the characters
    no cut begins with (most letters) without trying the pattern there, which took a
    quarter of the scan's time off again."""

    def build() -> tuple[re.Pattern[str], int | str] | None:
        intro = without_leading_space(rules.enumeration_intro)
        separator = without_leading_space(rules.enumeration_separator)
        if intro is None or separator is None or intro.flags != separator.flags:
            return None
        search = re.compile(f"(?P<intro>{intro.pattern})|(?:{separator.pattern})", intro.flags)
        skipping = skipping_search(search)
        chars = first_chars(search)
        if skipping is None or chars is None or any(ch.isspace() for ch in chars):
            return search, 0
        return skipping, "at"

    return remembered(rules, "practices.enumeration_cut_search", build)


def _cuts(rules: RuleSet, lower: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The cuts of `lower[start:end]`: successive leftmost matches of `_cut_pattern`
    (start, end, whether an intro), each searched from the end of the one before, as
    `finditer` gives them; an empty match would cut nothing and is passed over.

    The leftmost match begins where the run of whitespace before the leftmost match of
    `_cut_search` begins (not before the search's start: see `LeadingSpaceSearch`);
    `_cut_pattern` matched there gives the match itself.
    """
    cut, searching = _cut_pattern(rules), _cut_search(rules)
    if searching is not None:
        search, group = searching
        cuts: list[tuple[int, int, bool]] = []
        pos = start
        while True:
            found = search.search(lower, pos, end)
            if found is None:
                return cuts
            begin = found.start(group)
            while begin > pos and lower[begin - 1].isspace():
                begin -= 1
            if group:
                # No cut begins with a space: `cut` matched from `begin` spans the spaces
                # up to the match found and then that very match (intro or not).
                cuts.append((begin, found.end(group), found.start("intro") >= 0))
                pos = found.end(group)
                continue
            match = cut.match(lower, begin, end)
            if match is None or match.end() <= begin:
                break  # not the form read above: the plain scan below decides
            cuts.append((begin, match.end(), match.start("intro") >= 0))
            pos = match.end()
    return [
        (found.start(), found.end(), found.start("intro") >= 0)
        for found in cut.finditer(lower, start, end)
        if found.end() > found.start()
    ]


def _sentence_items(
    ctx: DocumentContext,
    start: int,
    end: int,
    records: list[DataCategory],
    matches: list[tuple[int, int]],
    categories: dict[str, DataCategoryRule],
) -> list[DataCategory]:
    """The unnamed items of the sentence [start, end): its pieces between the cuts, read
    as runs of items between breakers.

    Only a run that holds a term of a specific category yields items
    (`_category_source`), so the pieces are classified lazily, walking out from those
    terms: a piece no such run reaches (most of a long sentence) is never read.
    """
    lower = ctx.lower
    filler = ctx.rules.enumeration_filler
    bounds: list[tuple[int, int, bool, bool]] = []  # start, end, intro before, intro after
    piece_start, intro_before = start, False
    for cut_start, cut_end, is_intro in _cuts(ctx.rules, lower, start, end):
        if cut_start > piece_start:
            bounds.append((piece_start, cut_start, intro_before, is_intro))
        intro_before = is_intro or (intro_before and cut_start <= piece_start)
        piece_start = cut_end
    if end > piece_start:
        bounds.append((piece_start, end, intro_before, False))
    count = len(bounds)
    if not count:
        return []
    starts = [bound[0] for bound in bounds]
    pieces: list[_Piece | None] = [None] * count
    # A term that a separator inside it ("time and date of your use") cut in two belongs
    # to both pieces; a piece takes the first of its records, in their order.
    inside: dict[int, list[DataCategory]] = {}
    for record in records:
        for i in _overlapping(bounds, starts, record.start, record.end):
            inside.setdefault(i, []).append(record)
    for i, held in inside.items():
        pieces[i] = _Piece(bounds[i][0], bounds[i][1], "term", held[0], bounds[i][2], bounds[i][3], None, None)
    # A term the gate rejected (a negated, trapped or provider's term) ends the list; a
    # rejected bare "name" ("company name", or a name alone) is read as any other piece.
    for s, e in matches:
        if lower.startswith(("name", "names"), s) and e - s <= 5:
            continue
        for i in _overlapping(bounds, starts, s, e):
            if pieces[i] is None:
                pieces[i] = _Piece(bounds[i][0], bounds[i][1], "breaker", None, bounds[i][2], bounds[i][3])

    def piece(i: int) -> _Piece:
        found = pieces[i]
        if found is None:
            piece_start, piece_end, intro_before, intro_after = bounds[i]
            found = pieces[i] = _Piece(
                piece_start, piece_end, _item_kind(ctx, piece_start, piece_end), None, intro_before, intro_after
            )
        return found

    def joined(left: int, right: int) -> bool:
        """The two neighbouring pieces are in the same run (`_items_of_runs` in the past)."""
        # Only term pieces close a side, and they are built already: what is known is
        # read before a term's words are counted or an unread piece is classified.
        a, b = pieces[left], pieces[right]
        if (a is not None and a.kind == "breaker") or (b is not None and b.kind == "breaker"):
            return False
        if (a is not None and a.kind == "term" and _closes(lower, a, inside[left], filler, False)) or (
            b is not None and b.kind == "term" and _closes(lower, b, inside[right], filler, True)
        ):
            return False
        return piece(left).kind != "breaker" and piece(right).kind != "breaker"

    out: list[DataCategory] = []
    reached = -1
    for seed in sorted(inside):
        seed_piece = pieces[seed]
        if (
            seed <= reached
            or seed_piece is None
            or seed_piece.record is None
            or categories[seed_piece.record.rule].gate != "specific"
        ):
            continue
        first = last = seed
        while first > 0 and joined(first - 1, first):
            first -= 1
        while last + 1 < count and joined(last, last + 1):
            last += 1
        reached = last
        _items_of_run(ctx, [piece(i) for i in range(first, last + 1)], categories, out)
    return out


def _overlapping(bounds: list[tuple[int, int, bool, bool]], starts: list[int], start: int, end: int) -> range:
    """The indices of the pieces that overlap [start, end)."""
    first = max(0, bisect_right(starts, start) - 1)
    if bounds[first][1] <= start:
        first += 1
    last = bisect_left(starts, end)
    return range(first, max(first, last))


def _closes(lower: str, piece: _Piece, inside: list[DataCategory], filler: frozenset[str], left: bool) -> bool:
    """Whether a term piece closes its left (or right) side: it holds more words there
    than its term ("analyse log data"), read once per side and piece."""
    if left:
        if piece.closed_left is None:
            first = min(r.start for r in inside)
            before = [w for w in _WORD.findall(lower, piece.start, first) if w not in filler and w != "s"]
            # "your device's IP address" may hold one word more; "analyse log data" is a verb and its object.
            piece.closed_left = len(before) > (1 if "'s " in lower[piece.start : first] else 0)
        return piece.closed_left
    if piece.closed_right is None:
        last = max(r.end for r in inside)
        piece.closed_right = len([w for w in _WORD.findall(lower, last, piece.end) if w not in filler]) > 1
    return piece.closed_right


def _item_kind(ctx: DocumentContext, start: int, end: int) -> str:
    """The kind of a piece that holds no vocabulary match: "item" or "breaker"."""
    rules = ctx.rules
    if _DEFINED_LABEL.match(ctx.text, start, min(len(ctx.text), end + 3)):
        return "breaker"
    text = ctx.lower[start:end].strip(" .\n\"“”'")
    words = _WORD.findall(text)
    if (
        len(words) <= _ABOUT_ITEM_WORDS
        and _ABOUT_ITEM.match(text) is not None
        and _ACTIVITY_VERB.match(text) is None
        and "\n" not in ctx.text[start:end].strip()
    ):
        return "item"
    if (
        not words
        or len(words) > _ITEM_WORDS
        or factored_by_first_letter(rules.enumeration_clause_word).search(text)
        or all(w in rules.enumeration_filler or len(w) < 2 or w.isdigit() for w in words)
        or _ENUMERATOR.match(text) is not None
        or _PARTICIPLE.search(text) is not None
        or _ACTIVITY_VERB.match(text) is not None
        or _PREPOSITION_ITEM.match(text) is not None
        or _GLOSS_ITEM.match(text) is not None
        or (len(words) == 1 and (words[0] in _NON_ITEM_WORDS or words[0].endswith("ly")))
        or "\n" in ctx.text[start:end].strip()
    ):
        return "breaker"
    return "item"


def _items_of_run(
    ctx: DocumentContext, run: list[_Piece], categories: dict[str, DataCategoryRule], out: list[DataCategory]
) -> None:
    for k, piece in enumerate(run):
        if piece.kind != "item":
            continue
        source = _category_source(run, k, categories)
        if source is None:
            continue
        category = categories[source.rule]
        item_start, item_end = _item_bounds(ctx, piece.start, piece.end)
        if item_end <= item_start:
            continue
        out.append(
            DataCategory(
                **ctx.evidence(item_start, item_end, f"{category.rule_id}.listed"),
                category=category.key,
                group=category.group,
                negated=False,
            )
        )


def _category_source(run: list[_Piece], k: int, categories: dict[str, DataCategoryRule]) -> DataCategory | None:
    """The record an item takes its category from: the umbrella that introduces its
    enumeration, else the nearest concrete data listed before it, else after it."""
    # The umbrella: the term just before the intro that opens the item's enumeration.
    for m in range(k, 0, -1):
        if run[m].intro_before:
            umbrella = run[m - 1]
            if umbrella.kind == "term" and umbrella.record is not None:
                if categories[umbrella.record.rule].gate == "specific":
                    return umbrella.record
            break
    for m in [*range(k - 1, -1, -1), *range(k + 1, len(run))]:
        record: DataCategory | None = run[m].record
        if run[m].kind == "term" and record is not None and categories[record.rule].gate == "specific":
            return record
    return None


def _item_bounds(ctx: DocumentContext, start: int, end: int) -> tuple[int, int]:
    lower = ctx.lower
    while start < end and not lower[start].isalnum():
        start += 1
    while end > start and not lower[end - 1].isalnum():
        end -= 1
    filler = _LEADING_FILLER.match(lower, start, end)
    if filler is not None:
        start = filler.end()
    return start, end
