"""The section tree as result models, with ids matching `DocumentContext`."""

from __future__ import annotations

from privacyparser.extract.context import DocumentContext
from privacyparser.models import Section
from privacyparser.pipeline.section_segmenter import HeadingNode


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n":
        end -= 1
    return end


def build_sections(ctx: DocumentContext) -> list[Section]:
    """Result `Section`s for the segmentation, built bottom-up without recursion limits."""
    built: dict[int, Section] = {}
    # Children come after their parent in preorder, so walking it backwards builds
    # every child before its parent.
    for info in reversed(ctx.sections):
        node: HeadingNode = info.node
        end = _trimmed_end(ctx.text, node.start, node.end)
        source_start, source_end = ctx.source_span(node.start, end)
        built[id(node)] = Section(
            id=info.id,
            number=node.number,
            title=node.title,
            level=node.level,
            start=node.start,
            end=end,
            source_start=source_start,
            source_end=source_end,
            children=[built[id(child)] for child in node.children],
        )
    return [built[id(node)] for node in ctx.segmentation.sections]
