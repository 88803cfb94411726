"""The antecedent model's last resorts, where no subject answers a pronoun: the speaker its words
are attributed to in the same sentence, a chain of pronouns of one gender, the sole candidate of
the pronoun's own clause, and a pronoun nothing nearby can name (an orphan). Mixed into
mtqa.text.antecedents.Antecedents, whose sentences and mentions they read."""

from __future__ import annotations

from mtqa.text.mentions import (
    ATTRIBUTION,
    PREPOSITIONS,
    TOKEN,
    WINDOW,
    Mention,
    Resolution,
    determiners,
    function_words,
    norm,
    speech_verbs,
)


class FallbackResolutions:
    sentences: list
    mentions: list

    def _protagonist(self, pronoun: Mention) -> Mention | None:  # defined by Antecedents
        raise NotImplementedError

    def _speaker(self, pronoun: Mention) -> Resolution | None:
        """Reported speech attributed in the same sentence: "Elle n'a qu'un souhait, …, a déclaré
        l'animateur." A pronoun opening the reported words names the speaker when the speaker's
        gender is known and nothing else could be named: no mention of the pronoun's gender and
        number in the previous sentence ("Il devait travailler dur, a déclaré la femme" after "… la
        mission de son père." is silent)."""
        k = pronoun.sentence
        sent = self.sentences[k]
        if any(m.start < pronoun.start for m in self.mentions[k]):
            return None  # the pronoun must open the reported words
        speaker = None
        for m in self.mentions[k]:
            if m.start <= pronoun.start or m.kind == "pronoun":
                continue
            before = sent.text[: m.start - sent.start]
            said = ATTRIBUTION.search(before)
            if said and said.group("verb").lower() in speech_verbs():
                speaker = m
                break
        if speaker is None or speaker.gender is None or speaker.number != pronoun.number:
            return None
        if speaker.kind not in ("person", "noun"):
            return None
        # The speaker, named in the sentence itself, outweighs the story's protagonist: only a
        # mention of the pronoun's gender in the previous sentence competes.
        for m in self.mentions[k - 1] if k > 0 else ():
            if m.number == pronoun.number and m.gender == pronoun.gender:
                return Resolution(pronoun, speaker, m)
        return Resolution(pronoun, speaker, None)

    def _orphan(self, pronoun: Mention) -> Resolution | None:
        """Where no subject answers, a pronoun nothing nearby can name: the mentions of its number in
        its sentence (before it) and the WINDOW previous ones all have a known gender, none has the
        pronoun's, and no person or pronoun of its gender stands in the story before them; then the
        last of them is its antecedent ("Max Verstappen … À 21 ans, elle laisse derrière lui…").
        A mention of unknown gender (a name the first-name list does not know) silences it."""
        k = pronoun.sentence
        window = [
            m
            for j in range(max(0, k - WINDOW), k + 1)
            for m in self.mentions[j]
            if (j < k or m.end <= pronoun.start)
            and (m.number == pronoun.number or m.number is None and m.kind == "name")
        ]
        if not window or any(m.gender is None or m.gender == pronoun.gender for m in window):
            return None
        if not any(m.kind in ("person", "pronoun") and not m.governed for m in window):
            return None
        if self._protagonist(pronoun) is not None or self._unread_names(pronoun):
            return None
        return Resolution(pronoun, window[-1], None)

    def _unread_names(self, pronoun: Mention) -> bool:
        """Whether a capitalised word in the pronoun's sentence (before it) or the WINDOW previous
        ones is no mention and no function word: a name the model could not read ("Hamilton a
        gagné", a sentence-initial name that is also a French word), which may be the antecedent."""
        k = pronoun.sentence
        for j in range(max(0, k - WINDOW), k + 1):
            sent = self.sentences[j]
            covered = [(m.start, m.end) for m in self.mentions[j]]
            for t in TOKEN.finditer(sent.text):
                a = sent.start + t.start()
                if j == k and a >= pronoun.start:
                    break
                word = t.group()
                if not word[:1].isupper() or any(x <= a < y for x, y in covered):
                    continue
                low = norm(word)
                if low in PREPOSITIONS or low in function_words() or low in determiners() or word == "A":
                    continue
                return True
        return False

    def _chain(self, pronoun: Mention) -> Mention | None:
        """Where no subject answers, the pronouns of the same number just before (this sentence and
        the previous one): when they all share one gender and no other mention of that number
        competes, a story about one person or thing keeps that gender ("… quand elle pensait
        devenir mère. Il en a souffert")."""
        k = pronoun.sentence
        window = [
            m
            for j in range(max(0, k - 1), k + 1)
            for m in self.mentions[j]
            if (j < k or m.start < pronoun.start) and m.number == pronoun.number and m.gender
        ]
        pronouns = [m for m in window if m.kind == "pronoun"]
        if not pronouns or len({m.gender for m in window}) != 1:
            return None
        return pronouns[-1]

    def _sole_candidate(self, pronoun: Mention) -> Resolution | None:
        """Where a clause break parts the pronoun from its sentence's subject, the one noun phrase
        it can point at: every mention of the pronoun's number before it in its sentence has a
        known gender, and all share it ("Une délégation est sur place à Vienne, mais elle…"). A
        place after a preposition ("à Vienne") is no candidate; any other mention of unknown gender
        silences it. The previous sentence is not read: there a story's protagonist, named further
        back, is as likely as any noun (measured on bench/eval_pronoun_pairs.py: reading it
        tripled the false alarms)."""
        k = pronoun.sentence
        candidates = []
        for j in (k,):
            for m in self.mentions[j]:
                if j == k and m.start >= pronoun.start:
                    break
                if m.governed:
                    # "à Vienne", "quatrième du monobob" are no candidates, but "selon le patron,
                    # il…" may point at a governed noun of its own gender: then it is silent.
                    if m.gender == pronoun.gender and m.number == pronoun.number:
                        return None
                    continue
                gap = self.sentences[k].text[
                    m.end - self.sentences[k].start : pronoun.start - self.sentences[k].start
                ]
                if not gap.strip(" ,"):
                    continue  # "Chaque année, il plante…": a fronted adverbial, not the subject
                if m.number is None and m.kind in ("name", "noun") or m.number == pronoun.number:
                    candidates.append(m)
        genders = {m.gender for m in candidates}
        if not candidates or len(genders) != 1 or None in genders:
            return None
        return Resolution(pronoun, candidates[-1], None)
