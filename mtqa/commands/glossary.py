"""`mtqa glossary suggest PATH...`: mine name-spelling drift across many articles into a draft glossary.

The clusters come from mtqa.text.names.drift_clusters (the same clustering as rule MTQ101, run over
every paragraph of every article at once). The output is a valid TSV glossary: the most frequent
spelling first, the others as variants, each entry under a comment with the counts, for a desk to
review and keep.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mtqa.commands.exits import EXIT_CLEAN, EXIT_USAGE, UsageError
from mtqa.terminal import print_error


def add_parser(sub) -> None:
    p = sub.add_parser("glossary", help="house-style glossary tools")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    s = actions.add_parser("suggest", help="draft a glossary from the name-spelling drift across articles")
    s.add_argument("paths", nargs="+", metavar="PATH", help="articles, directories or .jsonl files")
    s.add_argument("--lang", help="target language of the articles (for the file header only)")
    s.add_argument(
        "--min-count",
        type=int,
        default=2,
        metavar="N",
        help="leave out names mentioned fewer than N times in all (default 2)",
    )
    s.add_argument("--output", metavar="FILE", help="write the draft to FILE (atomically) instead of stdout")
    s.set_defaults(run=run_suggest)
    p.set_defaults(run=lambda args: (p.print_help(), EXIT_USAGE)[1])


def suggest(texts: list[str], doc_of: list[int], min_count: int = 2) -> list[dict]:
    """Clusters as dicts: variants (surface form, count) most frequent first, and documents touched."""
    from mtqa.text.names import drift_clusters, spelling

    out: list[dict[str, Any]] = []
    for cluster in drift_clusters(texts):
        surfaces: dict[str, Counter] = {}
        for m in cluster.mentions:
            surfaces.setdefault(spelling(m.text), Counter())[m.text] += 1
        counts = cluster.counts
        if sum(counts.values()) < min_count:
            continue
        variants = [(surfaces[v].most_common(1)[0][0], counts[v]) for v in cluster.variants]
        docs = {doc_of[m.source] for m in cluster.mentions}
        out.append({"variants": variants, "documents": len(docs), "mentions": sum(counts.values())})
    out.sort(key=lambda c: (-c["mentions"], c["variants"][0][0].lower()))
    return out


def render(clusters: list[dict], n_docs: int, n_texts: int, lang: str | None) -> str:
    lines = [
        f"# Draft glossary{f' ({lang})' if lang else ''} from mtqa glossary suggest: {len(clusters)} "
        f"name{'s' if len(clusters) != 1 else ''} "
        f"spelled more than one way across {n_docs} documents ({n_texts} paragraphs or segments).",
        "# Review every entry: put the spelling your desk prefers in the first column, delete false",
        "# friends, then list the file in [tool.mtqa] glossary (see README, 'House-style glossaries').",
        "# preferred\tvariants (separated by ' | ')\tkind",
    ]
    for c in clusters:
        counts = ", ".join(f"{v} ×{n}" for v, n in c["variants"])
        lines.append(f"# {counts} (in {c['documents']} document{'s' if c['documents'] != 1 else ''})")
        lines.append(f"{c['variants'][0][0]}\t{' | '.join(v for v, _ in c['variants'][1:])}\tname")
    return "\n".join(lines) + "\n"


def run_suggest(args) -> int:
    from mtqa.commands.output import write_output
    from mtqa.io import read_inputs
    from mtqa.model import InputProblem

    texts: list[str] = []
    doc_of: list[int] = []
    n_docs = 0
    failed = False
    for item in read_inputs(args.paths, args.lang):
        if isinstance(item, InputProblem):
            print_error(str(item))
            failed = True
            continue
        for seg in item.segments:
            texts.append(seg.text)
            doc_of.append(n_docs)
        n_docs += 1
    if not texts:
        if failed:  # each unreadable input has had its line
            return EXIT_USAGE
        raise UsageError("no text to mine in the given paths")
    clusters = suggest(texts, doc_of, args.min_count)
    write_output(render(clusters, n_docs, len(texts), args.lang), args.output)
    return EXIT_USAGE if failed else EXIT_CLEAN
