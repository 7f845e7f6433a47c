"""The PyTorch lesson's figure: each layer's numbers as lessonlib and PyTorch store them.

Drawn from the layer sizes alone, so the site builds without PyTorch installed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lessonlib._checks import as_count
from lessonlib.plots._canvas import GREY, INK, new_figure, styled
from lessonlib.plots._diagram import NODE_COLOURS
from lessonlib.plots._text import activation_named, listed

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_layer_shapes"]

COLUMN, BOX_WIDTH, BOX_HEIGHT = 2.45, 1.95, 1.05  # inches: the diagram is drawn 1:1
#: Each library's row of boxes: its height and its colour.
ROWS = {"lessonlib": (1.35, NODE_COLOURS["hidden"]), "PyTorch": (0.0, NODE_COLOURS["input"])}


def _layer_texts(index: int, n_in: int, n_nodes: int, activation: str, last: bool) -> list[str]:
    """What each library holds for one layer: lessonlib's Layer, then PyTorch's modules."""
    ours = f"network[{index}]: Layer\nweights ({n_nodes}, {n_in})\nbias ({n_nodes},)\n{activation}"
    linear = f"model[{2 * index}]: nn.Linear({n_in}, {n_nodes})\nweight ({n_nodes}, {n_in})"
    relu = "" if last else f"\nmodel[{2 * index + 1}]: nn.ReLU()"  # its own module in PyTorch
    theirs = f"{linear}\nbias ({n_nodes},){relu}"
    return [ours, theirs]


def _arrow(axes: Axes, x: float, y: float, n_values: int) -> None:
    """An arrow from the box left of ``x`` to the box right of it, saying what it carries."""
    start, end = x - COLUMN / 2 + BOX_WIDTH / 2, x + COLUMN / 2 - BOX_WIDTH / 2
    axes.annotate("", (end, y), (start, y), arrowprops={"arrowstyle": "->", "color": GREY})
    axes.text(x, y + 0.08, str(n_values), ha="center", va="bottom", fontsize=9, color=GREY)


def _box(axes: Axes, x: float, y: float, text: str, colour: str) -> None:
    """A rounded box centred on (x, y) with the text inside."""
    from matplotlib.patches import FancyBboxPatch

    corner = (x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2)
    style = "round,pad=0.02,rounding_size=0.08"
    axes.add_patch(FancyBboxPatch(corner, BOX_WIDTH, BOX_HEIGHT, boxstyle=style,
                                  facecolor=colour, edgecolor=INK))  # fmt: skip
    axes.text(x, y, text, ha="center", va="center", fontsize=9, color=INK, linespacing=1.35)


@styled
def draw_layer_shapes(
    layer_sizes: Sequence[int] = (64, 64, 32, 10), activation: str = "relu"
) -> Figure:
    """Draw each layer of a network with the shapes lessonlib and PyTorch give its numbers.

    Both store a layer's weights with one row per node, (n_nodes, n_values_coming_in);
    PyTorch puts the activation in a module of its own after each ``nn.Linear``.

    >>> figure = draw_layer_shapes([3, 2, 1])
    >>> for text in figure.axes[0].texts:
    ...     if "[" in text.get_text():  # the boxes, layer by layer
    ...         print(text.get_text().splitlines()[0])
    network[0]: Layer
    model[0]: nn.Linear(3, 2)
    network[1]: Layer
    model[2]: nn.Linear(2, 1)
    """
    sizes = [as_count(size, "layer_sizes", minimum=1) for size in layer_sizes]
    if not 2 <= len(sizes) <= 6:
        raise ValueError(f"layer_sizes must hold 2 to 6 sizes, got {len(sizes)}")
    hidden = activation_named(activation, "activation").__name__
    pairs = list(itertools.pairwise(sizes))
    width, height = COLUMN * len(pairs) + 1.6, 3.0
    figure = new_figure(width, height)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.set_xlim(-1.45, width - 1.45)
    axes.set_ylim(-0.75, height - 0.75)
    for library, (y, _) in ROWS.items():
        axes.text(-1.35, y, library, ha="left", va="center", fontsize=10, color=GREY)
    said = []
    for index, (n_in, n_nodes) in enumerate(pairs):
        last = index == len(pairs) - 1
        texts = _layer_texts(index, n_in, n_nodes, "identity" if last else hidden, last)
        x = COLUMN * (index + 0.5)
        for text, (y, colour) in zip(texts, ROWS.values(), strict=True):
            _box(axes, x, y, text, colour)
            if not last:
                _arrow(axes, x + COLUMN / 2, y, n_nodes)
        said.append(f"layer {index + 1}: " + "; ".join(t.replace("\n", ", ") for t in texts))
    axes.text(width / 2 - 1.45, height - 0.95, f"{sizes[0]} inputs in, {sizes[-1]} scores out",
              ha="center", fontsize=10.5, color=INK)  # fmt: skip
    figure.set_label(
        f"Diagram of a network with {sizes[0]} inputs and layers of "
        f"{listed([str(n) for n in sizes[1:]])} nodes. For each layer, what lessonlib and "
        f"PyTorch store, with the shapes of its numbers: {'. '.join(said)}."
    )
    return figure
