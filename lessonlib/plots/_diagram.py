"""Drawing a network diagram: nodes in columns, weighted edges, each node's value.

Diagrams are drawn 1:1 in inches: `diagram_size` gives the figure's size and
`draw_diagram` fills axes that cover the whole figure.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from lessonlib.plots._canvas import GREY, HIGHLIGHT, INK
from lessonlib.plots._network_values import Diagram, EdgeValues, Node
from lessonlib.plots._text import number_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes

NODE_COLOURS = {"input": "#d6e9f8", "hidden": "#fdebc8", "output": "#d3f1e5"}
COLUMN_GAP, ROW_GAP, RADIUS = 2.3, 1.35, 0.32  # inches: diagrams are drawn 1:1

Place = tuple[float, float]


def diagram_size(diagram: Diagram, title: bool) -> tuple[float, float]:
    """The (width, height) in inches that a diagram needs, with room for a title or not."""
    rows = max(len(column) for column in diagram.columns)
    height = (rows - 1) * ROW_GAP + 2 * RADIUS + 0.9 + 0.45 * title  # room for the captions
    return (len(diagram.columns) - 1) * COLUMN_GAP + 1.9, height


def draw_diagram(
    axes: Axes,
    diagram: Diagram,
    edges: EdgeValues,
    highlight: set[tuple[str, int]],
    title: str = "",
) -> None:
    """Draw nodes, edges and values on axes sized 1:1 in inches by `diagram_size`.

    ``edges`` gives the number each edge carries: its weight, or the slope for it.
    """
    columns = diagram.columns
    width, height = diagram_size(diagram, bool(title))
    bottom = -(max(len(column) for column in columns) - 1) / 2 * ROW_GAP - RADIUS - 0.45
    axes.set_axis_off()
    axes.set_xlim(-0.95, width - 0.95)
    axes.set_ylim(bottom, bottom + height)
    place = {
        node.name: (c * COLUMN_GAP, ((len(column) - 1) / 2 - j) * ROW_GAP)
        for c, column in enumerate(columns)
        for j, node in enumerate(column)
    }
    for feeding, column in itertools.pairwise(columns):
        for node in column:
            for i, source in enumerate(feeding):
                marked = (node.name, i) in highlight
                _draw_edge(axes, place[source.name], place[node.name], edges[node.name][i], marked)
    for column in columns:
        for j, node in enumerate(column):
            above = j < (len(column) - 1) / 2  # upper nodes: captions above, clear of the edges
            _draw_node(axes, node, place[node.name], above)
    if title:
        axes.text(width / 2 - 0.95, bottom + height - 0.3, title, ha="center", fontsize=12)


def _draw_node(axes: Axes, node: Node, place: Place, caption_above: bool) -> None:
    """One node: a circle with its value inside and its caption above or below."""
    from matplotlib.patches import Circle

    x, y = place
    axes.add_patch(Circle((x, y), RADIUS, facecolor=NODE_COLOURS[node.kind], edgecolor=INK))
    axes.text(x, y, node.value, ha="center", va="center", fontsize=12, color=INK)
    y_caption = y + RADIUS + 0.1 if caption_above else y - RADIUS - 0.1
    va = "bottom" if caption_above else "top"
    axes.text(x, y_caption, node.caption, ha="center", va=va, fontsize=9.5, color=INK)


def _draw_edge(axes: Axes, start: Place, end: Place, weight: float, marked: bool) -> None:
    """One edge: an arrow into a node, labelled with its weight; orange when marked."""
    from matplotlib.patches import FancyArrowPatch

    colour = HIGHLIGHT if marked else GREY
    gap = RADIUS * 72 + 2  # points: stop at the circles' edges
    axes.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=13,
            color=colour,
            shrinkA=gap,
            shrinkB=gap,
            linewidth=3 if marked else 1.3,
        )
    )
    (x0, y0), (x1, y1) = start, end
    place = 0.7  # a weight's label sits near the node it feeds: the weight belongs to that node
    box = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"}
    axes.text(
        x0 + place * (x1 - x0),
        y0 + place * (y1 - y0),
        number_text(weight),
        ha="center",
        va="center",
        color=HIGHLIGHT if marked else INK,
        bbox=box | {"edgecolor": colour} if marked else box,
    )
