"""mtqa.text.nonwords: the one answer to "is this token a word?" for every rule that reads words."""

from __future__ import annotations

import pytest

from mtqa.text.nonwords import NonWords, nonword_spans


def spans_text(text: str) -> list[str]:
    return [text[a:b] for a, b in nonword_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Le texte est sur https://www.example.fr/politique/article-12.html. Lisez-le.",
            ["https://www.example.fr/politique/article-12.html"],
            id="url-without-final-full-stop",
        ),
        pytest.param(
            "Écrivez à redaction@journal-exemple.fr ou à @Elysee, avec #Covid19.",
            ["redaction@journal-exemple.fr", "@Elysee", "#Covid19"],
            id="address-handle-hashtag",
        ),
        pytest.param(
            "D'après bild.de/sport, Gazeta.Ru et lenta.ru, le site news.yahoo.co.jp aussi.",
            ["bild.de/sport", "Gazeta.Ru", "lenta.ru", "news.yahoo.co.jp"],
            id="bare-domains",
        ),
        pytest.param(
            "Le rapport.pdf, Node.js, ASP.NET et .NET sont cités.",
            ["rapport.pdf", "Node.js", "ASP.NET", ".NET"],
            id="file-and-product-names",
        ),
        pytest.param(
            "L'A320 et le COVID-19 ; la 5G ; le 21e siècle.", ["A320", "COVID-19", "5G", "21e"], id="codes"
        ),
    ],
)
def test_nonword_spans(text, expected):
    assert spans_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("La police a bouclé le quartier en Bavière.Le ministre a réagi.", id="glued-sentence"),
        pytest.param("The mayor said.It was over, and the U.S. agreed in 2021.", id="en-glued-and-initials"),
        pytest.param("Le ministre de l'Intérieur s'est rendu à Paris.", id="plain-text"),
    ],
)
def test_words_are_not_nonwords(text):
    assert nonword_spans(text) == []


def test_covers_and_single_letters():
    text = "Le groupe B a écrit à info@ville.fr depuis le plan A de www.b.fr."
    nw = NonWords(text)
    at = text.index("info@")
    assert nw.covers(at, at + 4)
    assert not nw.covers(text.index("groupe"), text.index("groupe") + 6)
    b = text.index("B a")
    assert nw.is_single_letter(b, b + 1)
    assert nw.is_single_letter(text.index("A de"), text.index("A de") + 1)
    inside_url = text.index("b.fr")
    assert not nw.is_single_letter(inside_url, inside_url + 1)
    assert not nw.is_single_letter(text.index("Le"), text.index("Le") + 2)
    elided = "l'État"
    assert not NonWords(elided).is_single_letter(0, 1)


@pytest.mark.parametrize("unit", ["a.", "a.b-", "x@", "a-", "1a", "www.", "A", "a_"])
def test_adversarial_input_gives_disjoint_spans_inside_the_text(unit):
    # Growth on such input is measured by bench/bench_growth.py; here, what comes back must be sane.
    text = unit * 20_000
    spans = nonword_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
