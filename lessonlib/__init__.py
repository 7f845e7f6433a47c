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
    softmax,
    tanh,
    tanh_slope,
)
from lessonlib.backprop import ForwardPass, Gradients, backward, forward, updated_network
from lessonlib.gradient_check import (
    largest_relative_difference,
    numerical_gradient,
    numerical_network_gradients,
)
from lessonlib.gradients import DescentResult, get_error, get_mse, get_slope, gradient_descent
from lessonlib.layers import Layer, as_network, random_network
from lessonlib.losses import (
    half_squared_error,
    half_squared_error_slope,
    mean_squared_error,
    mean_squared_error_slope,
    softmax_cross_entropy,
    softmax_cross_entropy_slope,
)
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
from lessonlib.training import (
    TrainingResult,
    accuracy,
    loss_and_gradients,
    minibatches,
    predict_classes,
    train,
)

__version__ = "0.1.0"

__all__ = [
    "DescentResult",
    "ForwardPass",
    "Gradients",
    "Layer",
    "NetworkValues",
    "TrainingResult",
    "accuracy",
    "as_network",
    "backward",
    "forward",
    "get_error",
    "get_mse",
    "get_slope",
    "gradient_descent",
    "half_squared_error",
    "half_squared_error_slope",
    "hidden_layer_names",
    "identity",
    "identity_slope",
    "largest_relative_difference",
    "loss_and_gradients",
    "mean_squared_error",
    "mean_squared_error_slope",
    "minibatches",
    "network_values",
    "numerical_gradient",
    "numerical_network_gradients",
    "predict_batch",
    "predict_classes",
    "predict_with_network",
    "predict_with_network2",
    "random_network",
    "relu",
    "relu_slope",
    "sigmoid",
    "sigmoid_slope",
    "softmax",
    "softmax_cross_entropy",
    "softmax_cross_entropy_slope",
    "tanh",
    "tanh_slope",
    "train",
    "updated_network",
    "weight_matrices",
    "weighted_sum",
]
