"""Rows of data checked against a network and a loss, once, before training uses them.

Training then trusts them: a mini-batch is rows of checked data, so no step checks
it again, and no forward pass is needed to know that the targets suit the loss.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._checks import Numbers, as_array
from lessonlib.backprop import forward
from lessonlib.layers import Layer, as_inputs
from lessonlib.losses import Loss

__all__: list[str] = []  # used by lessonlib's own functions; not taught on its own


class Data(NamedTuple):
    """Rows of data, checked against a network and a loss."""

    inputs: Numbers  # (n_rows, n_inputs), or (n_inputs,) for one row
    targets: Numbers  # (n_rows,) class labels, or (n_rows, n_outputs)


def checked_data(
    layers: list[Layer],
    inputs: ArrayLike,
    targets: ArrayLike,
    loss: Loss,
    name: str = "",
    one_row: bool = True,
) -> Data:
    """Inputs (a batch, or one row if ``one_row``) and targets, checked against network and loss.

    Neither is run: the loss checks the targets against zeros shaped like the output.
    """
    rows = as_inputs(layers, inputs, f"{name}inputs")  # (n_inputs,) or (n_rows, n_inputs)
    if rows.ndim != 2 and not one_row:
        raise ValueError(f"{name}inputs must be a 2-D array (n_rows, n_inputs), got 1-D")
    checked = as_array(targets, f"{name}targets", ndim=(1, 2))
    if rows.ndim == 2 and len(checked) != len(rows):
        raise ValueError(
            f"{name}targets has {len(checked)} rows but the inputs have {len(rows)}; "
            "give one target per row"
        )
    stand_in = np.zeros((*rows.shape[:-1], len(layers[-1].bias)))  # shaped like the output
    try:  # the loss's own check decides which targets suit it
        loss(checked, stand_in)
    except (ValueError, TypeError) as error:
        message = f"{name}targets do not suit {loss.__name__} and this network: {error}"
        if rows.ndim == 1:  # one row: a loss over classes needs a batch, even of one
            message += f"; {name}inputs is one row, so try [row] and [target] for a batch of one"
        raise type(error)(message) from None
    return Data(rows, checked)


def measured(layers: list[Layer], data: Data, loss: Loss) -> float:
    """The loss of the network on all of ``data``."""
    return loss(data.targets, forward(layers, data.inputs).output)
