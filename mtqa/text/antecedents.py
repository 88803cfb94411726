"""Who a French subject pronoun (il, elle, ils, elles) refers to, read over the whole document.

Mentions are what a reader can see the gender and number of without a parser:

- a noun after a determiner or a pre-nominal adjective that marks gender ("le pont", "la nouvelle
  directrice", "les nouvelles règles"); a plural or elided noun ("les ponts", "l'accord") takes the
  gender the same noun has after a gendered determiner elsewhere in the document;
- a person named with a title ("M. Dupont", "Mme Merkel") or a first name whose gender the
  `gender-guesser` list knows ("Angela Merkel"); the surname alone later in the document keeps it;
- an earlier subject pronoun, which carries its own gender ("Il a ajouté…" after "Il a dit…").

A surname the French leaves ungendered takes the gender the source's title ("Frau Schulze"), an
agreeing participle ("Schulze est arrivée") or a role noun in apposition ("Schulze, directrice de…")
give it (mtqa/text/person_genders.py). Where no subject answers, two last resorts
(mtqa/text/antecedent_fallbacks.py): the speaker of words attributed in the same sentence ("Elle
…, a déclaré l'animateur"), and a pronoun that no mention nearby can name.

The resolver is deliberately timid (precision first): the antecedent of a subject pronoun is the
subject of its own sentence when that comes before it ("Le ministre a dit qu'il…"), else the subject
of the previous sentence; it answers only when that subject's gender and number are known, and
reports a competitor (a subject of the pronoun's own gender and number in the same or the two
previous sentences) so a rule can stay
silent where two candidates compete. Impersonal "il" ("il faut", "il y a", "il est possible de")
has no antecedent. Offsets are the segment's own: the text is never normalised.
"""

from __future__ import annotations

from functools import cache
from itertools import repeat

import regex

from mtqa.text.antecedent_fallbacks import FallbackResolutions
from mtqa.text.antecedent_tail import (
    SUBJECT_PRONOUNS,
    last_pronoun_sentence,
    pronoun_like,
    read_tail,
    whole_stated_people,
)
from mtqa.text.gender_lexicon import first_name_gender, noun_gender
from mtqa.text.mentions import (
    BREAKS,
    DEGREE,
    FUNCTION_HEADS,
    OBJECT_CONTEXT,
    OPENERS,
    PARTITIVE_HEADS,
    PREPOSITIONS,
    STORY,
    TOKEN,
    WINDOW,
    DocSentence,
    Mention,
    Resolution,
    adjectives,
    common_word,
    determiners,
    function_words,
    impersonal,
    numeral,
    person_noun,
    singular,
    time_nouns,
)
from mtqa.text.person_genders import evidence_genders, source_people, titles


class Antecedents(FallbackResolutions):
    """Sentences, mentions and subject pronouns of one French document, computed once."""

    def __init__(
        self,
        texts: list[str],
        sentence_spans: list[list[tuple[int, int]]],
        source_people: dict[str, str] | None = None,
        whole: bool = True,
    ) -> None:
        self.sentences: list[DocSentence] = [
            DocSentence(i, a, b, texts[i][a:b]) for i, spans in enumerate(sentence_spans) for a, b in spans
        ]
        self.people: dict[str, str] = {}  # surname -> gender, from titles and first names
        # surname -> gender stated by a title or a first name only (not read from a role noun beside
        # the name): what MTQ223 holds a role noun against
        self.stated_people: dict[str, str] = {}
        self._nouns: dict[str, str] = {}  # singular noun -> gender seen after a gendered determiner
        # Not whole: the sentences after the last one that may hold a pronoun are read only where
        # they can give a gender a mention before looks up (mtqa/text/antecedent_tail.py); then
        # their mentions, `people` and `stated_people` are not the whole document's.
        last = len(self.sentences) - 1 if whole else last_pronoun_sentence(self.sentences)
        raw = [self._read(k, s) for k, s in enumerate(self.sentences[: last + 1])]
        # what reading the whole tail starts from, should MTQ223 ask for the stated genders
        self._tail_start = (last + 1, dict(self.people), dict(self.stated_people), source_people)
        tail, skipped = read_tail(self, raw)
        raw += tail
        self.whole = not skipped
        # A surname the French leaves ungendered takes the gender the source's title, or the
        # document's own agreeing words and appositions, give it (mtqa.text.person_genders).
        for surname, gender in (source_people or {}).items():
            self.stated_people.setdefault(surname, gender)
            self.people.setdefault(surname, gender)
        evidence = evidence_genders(
            (m.text, self.sentences[k].text[m.end - self.sentences[k].start :])
            for k, ms in enumerate(raw)
            for m in ms
            if m.kind in ("name", "person")
        )
        for surname, gender in evidence.items():
            self.people.setdefault(surname, gender)
        # Second pass: plural and elided nouns, and surnames alone, take the gender the document gave
        # them elsewhere (a noun's gender is fixed, so reading ahead is as good as reading back).
        self.mentions: list[list[Mention]] = [[self._complete(m) for m in ms] for ms in raw]
        self.pronouns: list[Mention] = [m for ms in self.mentions for m in ms if m.kind == "pronoun"]

    def _read(self, k: int, sent: DocSentence) -> list[Mention]:
        text, off = sent.text, sent.start
        found = list(TOKEN.finditer(text))
        tokens = list(map(regex.Match.group, found))
        # norm() of every token, once: the loop below reads most tokens several times (the
        # apostrophe pass only where the sentence has one)
        lows = list(map(str.lower, tokens))
        if "’" in text:
            lows = list(map(str.replace, lows, repeat("’"), repeat("'")))
        dets, adjs, funcs, title_of = determiners(), adjectives(), function_words(), titles("fr")
        out: list[Mention] = []
        # Only the first mention outside a prepositional phrase is the subject (pronouns are
        # subjects wherever they stand): objects do not compete for a subject pronoun. A word read
        # as no name opening the sentence may be the subject: then no mention is.
        subject_taken = False
        # A mention starts only at a subject pronoun, a determiner, a title or a capitalised word:
        # only those tokens are visited (most words are none).
        starters = _starters()
        starts = [n for n, t in enumerate(tokens) if lows[n] in starters or t[0].isupper() or t in title_of]
        if not starts:
            return []  # no word a mention can start at (a heading in lower case, a number)
        unread = 0  # the first token no mention has read yet
        for i in starts:
            if i < unread:
                continue
            unread = i + 1
            tok, low = tokens[i], lows[i]
            p = i - 1
            while p >= 0 and tokens[p] in OPENERS:
                p -= 1
            prev = lows[p] if p >= 0 else ""
            initial = p < 0  # no word before this one in the sentence
            if low in SUBJECT_PRONOUNS and (tok.islower() or tok[:1].isupper() and tok[1:].islower()):
                before = text[found[i].start() - 1 : found[i].start()] if found[i].start() else ""
                after = text[found[i].end() : found[i].end() + 1]
                if before not in ("-", "‐") and after not in ("-", "‐"):
                    # After a preposition elle/elles is a stressed pronoun ("pour elle"), no subject.
                    if prev not in PREPOSITIONS and not (low == "il" and impersonal(tokens, i)):
                        g, n = SUBJECT_PRONOUNS[low]
                        a, b = off + found[i].start(), off + found[i].end()
                        out.append(Mention(k, a, b, tok, g, n, "pronoun", True))
                continue
            mention = None
            title = title_of.get(tok)
            if title and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
                j = i + 1
                while j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and tokens[j + 1].isalpha():
                    j += 1
                self.people[tokens[j]] = title
                self.stated_people.setdefault(tokens[j], title)
                mention = self._mention(k, found, lows, i, j, title, "sg", "person", prev, subject_taken)
            det = dets.get(low) if mention is None else None
            if det and not (low in ("le", "la", "les", "l'") and prev in OBJECT_CONTEXT):
                gender: str | None
                number: str | None
                gender, number = det
                j = i + 1
                while j < len(tokens) and (lows[j] in adjs or numeral(tokens[j]) or lows[j] in DEGREE):
                    if lows[j] in DEGREE:
                        pass  # "le plus grand succès": the noun comes after the adjective
                    elif numeral(tokens[j]):
                        number = "pl" if number == "pl" or tokens[j] not in ("1", "0") else number
                    else:
                        g2, n2 = adjs[lows[j]]
                        gender, number = gender or g2, number or n2
                    j += 1
                nxt = lows[j + 1] if j + 1 < len(tokens) else ""
                if j < len(tokens) and lows[j] in FUNCTION_HEADS:
                    unread = j  # "ce qui", "la plupart des": no noun of that gender
                    continue
                if j < len(tokens) and lows[j] in PARTITIVE_HEADS and nxt in ("de", "des", "d'", "du"):
                    gender, number = None, None
                if j < len(tokens) and tokens[j][:1].isalpha() and lows[j] not in ("des", "de", "d'"):
                    head = tokens[j]
                    if gender and number == "sg" and head.islower():
                        self._nouns.setdefault(singular(head), gender)
                    if gender is None and head.islower():
                        gender = noun_gender(head)
                    kind = "noun" if head.islower() else "name"
                    mention = self._mention(k, found, lows, i, j, gender, number, kind, prev, subject_taken)
            if mention is None:
                if initial and tok == "A":
                    continue  # "A cette époque, il…": "À" without its accent opening a sentence
                if not (tok[:1].isupper() and tok.isalpha()):
                    continue
                if (low in PREPOSITIONS or low in funcs) and (initial or low in PREPOSITIONS):
                    continue  # "Selon Blue Origin, ils…", "En Saxe, …": a word of the sentence, no name
                j = i
                while j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and tokens[j + 1].isalpha():
                    j += 1
                if initial and j == i and tok not in self.people and common_word(tok):
                    # "Mais", "Selon", "Né" opening a sentence: no name; but a word straight before
                    # a lower-case word ("Hamilton a gagné") may be a name, and then the subject
                    follows = text[found[i].end() : found[i].end() + 2]
                    if low not in funcs and follows[:1] == " " and follows[1:].islower():
                        subject_taken = True  # that word may be the subject: no mention is
                    continue
                gender = first_name_gender(tok) if j > i and prev not in PREPOSITIONS else None
                if gender:
                    self.stated_people.setdefault(tokens[j], gender)
                if (
                    gender is None
                    and prev not in PREPOSITIONS
                    and out
                    and out[-1].kind == "noun"
                    and out[-1].gender
                ):
                    # "la championne olympique Mariama Jamanka": the name takes the noun's gender
                    gap = text[out[-1].end - off : found[i].start()]
                    if len(gap.split()) <= 2 and not any(c in gap for c in ".;:«»()"):
                        gender = out[-1].gender
                if gender:
                    self.people[tokens[j]] = gender
                if not (j > i or i > 0 or low not in funcs):
                    unread = j + 1
                    continue
                kind = "person" if gender else "name"
                number = "sg" if gender else None
                mention = self._mention(k, found, lows, i, j, gender, number, kind, prev, subject_taken)
            out.append(mention)
            subject_taken = subject_taken or mention.subject
            unread = j + 1
        return out

    def document_stated_people(self) -> dict[str, str]:
        """`stated_people` over the whole document, read from the skipped tail once if need be."""
        if not self.whole:
            self.stated_people = whole_stated_people(self, *self._tail_start)
            self.whole = True  # (only `people` may still miss what the skipped tail says)
        return self.stated_people

    def _mention(self, k, found, lows, i, j, gender, number, kind, prev, subject_taken) -> Mention:
        sent = self.sentences[k]
        a, b = found[i].start(), found[j].end()
        # "du", "au", "aux" hold a preposition (de le, à le): what they introduce is no subject.
        # "chaque jour", "cette année": an adverbial of time is read like a prepositional phrase
        governed = prev in PREPOSITIONS or lows[i] in ("du", "au", "aux") or lows[j] in time_nouns()
        subject = not governed and not subject_taken
        return Mention(
            k, sent.start + a, sent.start + b, sent.text[a:b], gender, number, kind, subject, governed
        )

    def _complete(self, m: Mention) -> Mention:
        gender = m.gender
        if gender is None and m.kind == "noun":
            gender = self._nouns.get(singular(m.text.split()[-1].split("'")[-1].split("’")[-1]))
        if gender is None and m.kind == "name":
            gender = self.people.get(m.text.split()[-1])
            if gender:
                return m._replace(gender=gender, number="sg", kind="person")
        return m if gender == m.gender else m._replace(gender=gender)

    def subject(self, k: int, before: int | None = None) -> Mention | None:
        """The first mention of sentence k not introduced by a preposition (before segment offset
        `before`, when given): the sentence's subject in the plain news order."""
        for m in self.mentions[k]:
            if before is not None and m.start >= before:
                return None
            if m.subject:
                return m
        return None

    def resolve(self, pronoun: Mention) -> Resolution | None:
        """The antecedent of a subject pronoun, or None when there is no subject with a known gender
        and the pronoun's number to point at."""
        k = pronoun.sentence
        speaker = self._speaker(pronoun)
        if speaker is not None:
            return speaker
        antecedent = self.subject(k, pronoun.start)
        if antecedent is not None:
            sent = self.sentences[k]
            between = sent.text[antecedent.end - sent.start : pronoun.start - sent.start]
            if BREAKS.search(between):
                # "La priorisation a disparu, et selon le patron, il…": another clause, whose
                # subject may be anyone; only a sole candidate answers there.
                return self._sole_candidate(pronoun)
        if antecedent is None and k > 0 and self.sentences[k - 1].segment <= self.sentences[k].segment:
            antecedent = self.subject(k - 1)
        if antecedent is None or antecedent.gender is None or antecedent.number != pronoun.number:
            antecedent = self._chain(pronoun)
        if antecedent is None or antecedent.gender is None or antecedent.number != pronoun.number:
            return self._orphan(pronoun)
        competitor = None
        for j in range(max(0, k - WINDOW), k + 1):
            for m in self.mentions[j]:
                if j == k and m.start >= pronoun.start:
                    break
                # Only subjects compete (measured on bench/eval_pronoun_pairs.py: counting every
                # mention of the pronoun's gender halves what is found for two fewer false alarms).
                # A pronoun antecedent is itself a guess: there any mention of the pronoun's
                # gender nearby competes, as in _chain.
                # In the pronoun's own sentence a governed noun before it competes too ("Selon le
                # patron, il…").
                loose = antecedent.kind == "pronoun" and j >= k - 1 or j == k
                # A person named after a preposition just before ("la mission de son père. Il…")
                # is as likely a referent as the subject.
                loose = loose or j >= k - 1 and m.kind == "noun" and person_noun(m.text)
                if (m.subject or loose) and m.number == pronoun.number and m.gender == pronoun.gender:
                    competitor = m
        if competitor is None and antecedent.kind == "noun":
            competitor = self._protagonist(pronoun)
        return Resolution(pronoun, antecedent, competitor)

    def _protagonist(self, pronoun: Mention) -> Mention | None:
        """A person or a subject pronoun of the pronoun's gender and number in the sentences
        before the window: a story's protagonist, whom "il"/"elle" may name again after a sentence
        about something else ("Sahin … Une photo l'a convaincu. Jusqu'à présent, il avait refusé")."""
        k = pronoun.sentence
        for j in range(max(0, k - STORY), k):
            for m in self.mentions[j]:
                if (
                    m.kind in ("person", "pronoun")
                    and m.number == pronoun.number
                    and m.gender == pronoun.gender
                ):
                    return m
        return None


@cache
def _starters() -> frozenset[str]:
    """Lower-case words a mention may start at besides titles and capitalised words."""
    return frozenset(SUBJECT_PRONOUNS) | frozenset(determiners())


def may_hold_pronouns(view) -> bool:
    """False when no sentence of the document holds a word that could be a subject pronoun: then
    the model would read none, and the pronoun rules (MTQ221, MTQ224) need not build it (about one
    document in six of a corpus of short rows). Read on the sentences the model reads; answered
    once per document view."""
    if "_antecedents" in view.__dict__:
        return True  # built already: reading it costs nothing more
    found = view.__dict__.get("_may_hold_pronouns")
    if found is None:
        pattern = pronoun_like()
        found = any(pattern.search(s.text[a:b]) for s in view.segments for a, b in s.sentences)
        view.__dict__["_may_hold_pronouns"] = found
    return found


def built_antecedents(view) -> Antecedents | None:
    """The document's antecedent model if a rule has built it already, else None."""
    return view.__dict__.get("_antecedents")


def antecedents_of(view, whole: bool = True) -> Antecedents:
    """The document's antecedent model, computed once per document view. Not `whole`: enough for
    resolving its pronouns, but `people` and `stated_people` may miss what follows the last one."""
    cached = view.__dict__.get("_antecedents")
    if cached is None or whole and not cached.whole:
        doc = view.document
        sources = [s.src for s in doc.segments if s.src]
        if doc.source is not None:
            sources += [s.text for s in doc.source.segments]
        cached = Antecedents(
            [s.text for s in view.segments],
            [s.sentences for s in view.segments],
            source_people(sources, doc.src_lang) if sources else None,
            whole,
        )
        view.__dict__["_antecedents"] = cached
    return cached
