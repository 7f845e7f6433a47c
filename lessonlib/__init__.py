"""lessonlib: the small neural-network library behind the lessons.

Everything a lesson imports is listed in ``__all__``. Plotting lives apart,
in `lessonlib.plots`, so importing this package never imports matplotlib.
"""

from lessonlib.activations import (
    identity,
    identity_slope,
    relu,
    relu_slope,
    sigmoid,
    sigmoid_slope,
    tanh,
    tanh_slope,
)
from lessonlib.gradients import DescentResult, get_error, get_mse, get_slope, gradient_descent
from lessonlib.losses import mean_squared_error, mean_squared_error_slope
from lessonlib.network import (
    NetworkValues,
    hidden_layer_names,
    network_values,
    predict_batch,
    predict_with_network,
    predict_with_network2,
    weight_matrices,
    weighted_sum,
)

__version__ = "0.1.0"

__all__ = [
    "DescentResult",
    "NetworkValues",
    "get_error",
    "get_mse",
    "get_slope",
    "gradient_descent",
    "hidden_layer_names",
    "identity",
    "identity_slope",
    "mean_squared_error",
    "mean_squared_error_slope",
    "network_values",
    "predict_batch",
    "predict_with_network",
    "predict_with_network2",
    "relu",
    "relu_slope",
    "sigmoid",
    "sigmoid_slope",
    "tanh",
    "tanh_slope",
    "weight_matrices",
    "weighted_sum",
]
