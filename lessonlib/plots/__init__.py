"""Figures for the lessons, drawn from the very numbers the lessons print.

This is the only package that imports matplotlib, and it does so inside the
functions, so ``import lessonlib`` stays light. Each ``draw_*`` function
builds a `matplotlib.figure.Figure` directly on an Agg canvas: no pyplot, no
global state, never ``show()``. Every drawn value comes from
`network_values`, `get_mse`, `get_slope` or `gradient_descent`, and each
figure carries a sentence saying what it shows, values included, which
`alt_text` reads back. `to_svg` turns the same figure into the same bytes
every time. Activations may be passed as functions or by name (``"tanh"``).

One module per idea: ``_canvas`` (the Agg canvas, the style, `to_svg`),
``_diagram`` and ``network`` (network diagrams), ``curves`` (activation and loss
curves), ``gradient_step`` (one update on the loss of one weight), ``digits``
(the digits lesson's training), ``learning`` (learning rates, dead nodes, slope
sizes), ``evaluation`` (early stopping, capacity and the probabilities of a trained
network) and ``layer_shapes`` (a layer in lessonlib and PyTorch).
"""

from lessonlib.plots._canvas import GREY as GREY
from lessonlib.plots._canvas import GRID as GRID
from lessonlib.plots._canvas import HIGHLIGHT as HIGHLIGHT
from lessonlib.plots._canvas import INK as INK
from lessonlib.plots._canvas import LINE_COLOURS as LINE_COLOURS
from lessonlib.plots._canvas import STYLE as STYLE
from lessonlib.plots._canvas import TIMES as TIMES
from lessonlib.plots._canvas import alt_text, to_svg
from lessonlib.plots._diagram import COLUMN_GAP as COLUMN_GAP
from lessonlib.plots._diagram import NODE_COLOURS as NODE_COLOURS
from lessonlib.plots._diagram import RADIUS as RADIUS
from lessonlib.plots._diagram import ROW_GAP as ROW_GAP
from lessonlib.plots.curves import draw_activation, draw_learning_rates, draw_loss_history
from lessonlib.plots.digits import draw_misread_digits, draw_training_losses
from lessonlib.plots.evaluation import draw_capacity, draw_digit_probabilities, draw_early_stopping
from lessonlib.plots.gradient_step import draw_loss_against_weight
from lessonlib.plots.layer_shapes import draw_layer_shapes
from lessonlib.plots.learning import (
    draw_dead_node_losses,
    draw_learning_rate_losses,
    draw_slope_sizes,
)
from lessonlib.plots.network import draw_network, draw_network_slopes, draw_weight_change

__all__ = [
    "alt_text",
    "draw_activation",
    "draw_capacity",
    "draw_dead_node_losses",
    "draw_digit_probabilities",
    "draw_early_stopping",
    "draw_layer_shapes",
    "draw_learning_rate_losses",
    "draw_learning_rates",
    "draw_loss_against_weight",
    "draw_loss_history",
    "draw_misread_digits",
    "draw_network",
    "draw_network_slopes",
    "draw_slope_sizes",
    "draw_training_losses",
    "draw_weight_change",
    "to_svg",
]
