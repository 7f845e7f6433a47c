"""lessonlib's forward and backward passes against PyTorch autograd, in float64.

PyTorch is an optional dependency (the ``bench`` extra). Without it this file
is skipped with the reason shown in the pytest report.
"""

import numpy as np
import pytest

from lessonlib import (
    backward,
    forward,
    mean_squared_error,
    mean_squared_error_slope,
    random_network,
    relu,
    sigmoid,
    softmax_cross_entropy,
    softmax_cross_entropy_slope,
    tanh,
)

torch = pytest.importorskip(
    "torch",
    reason="PyTorch is not installed; `pip install -c constraints.txt -e '.[bench]'` adds it",
)

TOLERANCE = 1e-10  # float64 throughout; the two differ only in rounding order
TORCH_ACTIVATIONS = {relu: torch.relu, tanh: torch.tanh, sigmoid: torch.sigmoid}


def torch_loss_and_gradients(network, inputs, targets, loss_name):
    """The same network in PyTorch: its output and autograd's slope for every weight and bias."""
    weights = [torch.tensor(layer.weights, requires_grad=True) for layer in network]
    biases = [torch.tensor(layer.bias, requires_grad=True) for layer in network]
    values = torch.tensor(inputs)
    for layer, weight, bias in zip(network, weights, biases, strict=True):
        values = values @ weight.T + bias  # (n_rows, n_nodes)
        if layer.activation in TORCH_ACTIVATIONS:
            values = TORCH_ACTIVATIONS[layer.activation](values)
    if loss_name == "cross-entropy":
        loss = torch.nn.functional.cross_entropy(values, torch.tensor(targets))
    else:
        loss = torch.nn.functional.mse_loss(values, torch.tensor(targets))
    loss.backward()
    return (
        values.detach().numpy(),
        loss.item(),
        [weight.grad.numpy() for weight in weights],
        [bias.grad.numpy() for bias in biases],
    )


@pytest.mark.parametrize("activation", [relu, tanh, sigmoid])
@pytest.mark.parametrize("loss_name", ["cross-entropy", "mean squared error"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_three_layer_network_matches_torch_autograd(activation, loss_name, seed) -> None:
    rng = np.random.default_rng(seed)
    network = random_network([6, 8, 7, 4], rng, activation=activation)
    network = [layer._replace(bias=rng.normal(size=layer.bias.shape)) for layer in network]
    inputs = rng.normal(size=(16, 6))
    if loss_name == "cross-entropy":
        loss, loss_slope, targets = (
            softmax_cross_entropy,
            softmax_cross_entropy_slope,
            rng.integers(0, 4, size=16),
        )
    else:
        loss, loss_slope, targets = (
            mean_squared_error,
            mean_squared_error_slope,
            rng.normal(size=(16, 4)),
        )
    output, torch_loss, torch_weights, torch_biases = torch_loss_and_gradients(
        network, inputs, targets, loss_name
    )

    values = forward(network, inputs)
    np.testing.assert_allclose(values.output, output, rtol=TOLERANCE, atol=TOLERANCE)
    assert loss(targets, values.output) == pytest.approx(torch_loss, rel=TOLERANCE)

    gradients = backward(network, values, loss_slope(targets, values.output))
    for ours, theirs in zip(gradients.weights, torch_weights, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=TOLERANCE, atol=TOLERANCE)
    for ours, theirs in zip(gradients.biases, torch_biases, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=TOLERANCE, atol=TOLERANCE)
