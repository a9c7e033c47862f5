"""Whether a text writes a given word in lower case somewhere, asked word by word.

The segmenter tells a title-case heading from a sentence that merely names things
("Contact Acme Support") by asking, for its capitalised words, whether the policy also
writes them in lower case. Listing every lower-case word of the document costs a pass
over all its words; a policy asks about a few dozen words, and one search each (a
literal `re` finds quickly) answers the same question.

>>> words = LowerCaseWords("Our Cookies Page: we use cookies. Don't panic; o'clock")
>>> ["cookies" in words, "page" in words, "our" in words, "t" in words, "o'clock" in words]
[True, False, False, False, True]
"""

from __future__ import annotations

import re
from functools import lru_cache

# A word as the segmenter reads one: letters, joined over apostrophes ("don't").
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """`word` where `WORD.findall` would return it whole: no letter (nor a letter and an
    apostrophe) just before it, no letter (nor an apostrophe and a letter) just after.
    The literal comes first so that `re` can skip to its occurrences."""
    literal = re.escape(word)
    return re.compile(
        literal + r"(?<![^\W\d_]" + literal + r")(?<![^\W\d_]['\u2019]" + literal + r")(?![^\W\d_]|['\u2019][^\W\d_])"
    )


class LowerCaseWords:
    """`word in LowerCaseWords(text)` is `word in {w for w in WORD.findall(text) if w.islower()}`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self._known.get(word)
        if found is None:
            # Only a whole word of the text can be one of its words; a lower-case one
            # is written in lower case wherever it occurs. A match starts where the word
            # does: `str.find` skips to the first occurrence (or finds none) several times
            # faster than the regex's own scan for its literal, and its look-behinds still
            # see the characters before where the search starts.
            found = False
            if word.islower() and WORD.fullmatch(word):
                first = self.text.find(word)
                found = first >= 0 and _whole_word(word).search(self.text, first) is not None
            self._known[word] = found
        return found
