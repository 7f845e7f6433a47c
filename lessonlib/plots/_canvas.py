"""The canvas every figure is drawn on: lazy matplotlib, Agg, one style, fixed SVG bytes.

matplotlib is imported inside the functions, so importing `lessonlib.plots` stays
light until a figure is drawn. No pyplot, no global state, never ``show()``.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, ParamSpec

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

#: Fixed fonts drawn as paths and a fixed id salt: the same figure gives the same SVG bytes.
#: One font weight only, as each glyph used is stored in the SVG: it keeps files small.
STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib
    "font.size": 11,
    "svg.fonttype": "path",  # the reader's fonts never matter
    "svg.hashsalt": "lessonlib",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
TIMES = "\u00d7"  # the multiplication sign
INK, GREY, GRID, HIGHLIGHT = "#1f2933", "#6b7280", "#e5e7eb", "#d55e00"
#: Okabe-Ito colours, told apart by colour-blind readers, dark enough on the white card.
LINE_COLOURS = ["#0072b2", "#009e73", "#d55e00", "#cc79a7"]
_COORDINATES = re.compile(r'( d="[^"]*"|translate\([^)]*\))')  # paths and placements
_LONG_DECIMALS = re.compile(r"(\d\.\d\d)\d+")  # for coordinates in pt, 1/100 is plenty
_P = ParamSpec("_P")


def styled(draw: Callable[_P, Figure]) -> Callable[_P, Figure]:
    """Run a drawing function under `STYLE`, leaving matplotlib's settings as they were."""

    @functools.wraps(draw)
    def drawn(*args: _P.args, **kwargs: _P.kwargs) -> Figure:
        import matplotlib

        with matplotlib.rc_context(STYLE):
            return draw(*args, **kwargs)

    return drawn


def new_figure(width: float, height: float, layout: Literal["constrained"] | None = None) -> Figure:
    """A white figure of ``width`` by ``height`` inches on its own Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), facecolor="white", layout=layout)
    FigureCanvasAgg(figure)
    return figure


def curve_axes(figure: Figure, xlabel: str, ylabel: str, title: str, whole_x: bool = False) -> Axes:
    """Axes for a line chart: labels, title and a light grid behind the curves."""
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_title(title, fontsize=12)
    axes.grid(True, color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    if whole_x:  # update counts: no tick at 2.5
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return axes


def alt_text(figure: Figure) -> str:
    """The sentence saying what a figure from this module shows, values included.

    >>> from lessonlib.plots import draw_network
    >>> weights = {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}
    >>> print(alt_text(draw_network(weights, [2, 3])))
    Network diagram with inputs 2 and 3. Hidden layer 1: node_0 has incoming weights 1 and 1
    and value 5; node_1 has incoming weights -1 and 1 and value 1. Output: incoming weights 2
    and -1, value 9.
    """
    text = str(figure.get_label() or "")
    if not text:
        raise ValueError("figure has no alt text: draw it with a lessonlib.plots function")
    return text


def to_svg(figure: Figure) -> str:
    """The figure as SVG: no date, fixed ids, text as paths, on a white card.

    >>> from lessonlib.plots import draw_loss_history
    >>> svg = to_svg(draw_loss_history([1, 2, 3], 0, [0, 2, 1]))
    >>> svg == to_svg(draw_loss_history([1, 2, 3], 0, [0, 2, 1])), "<dc:date>" in svg
    (True, False)
    """
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    # Shorter coordinates keep files small; glyph scales keep every digit.
    return _COORDINATES.sub(lambda m: _LONG_DECIMALS.sub(r"\1", m[0]), buffer.getvalue())
