# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab 3: backpropagation
#
# **What you'll practise**
#
# - Writing the sigmoid activation and its slope.
# - Running a sigmoid network with biases forward, then finding the slope of
#   the loss for every weight by hand with the chain rule.
# - Checking those slopes against finite differences and against `lessonlib`.
# - Training on mini-batches and measuring accuracy on handwritten digits.
#
# **How this lab works**
#
# Each exercise says what to write, and a *check* cell compares your code with
# `lessonlib`, the library the lessons use. On this page the reference solutions
# have been run, so every check shows what passing looks like. Each solution is
# folded under **Solution**: try the exercise before you open it.
#
# To do the exercises, download this lab as a notebook or as a script, and
# install what it needs with the one line under its title.
#
# In the notebook every exercise has three code cells, in this order:
#
# 1. the reference solution (tagged `solution`, its code folded away);
# 2. **your cell** (tagged `exercise`), which starts as
#    `raise NotImplementedError`;
# 3. the check.
#
# Your cell runs after the solution and replaces it, so the check tests *your*
# code: it fails until your code is right. The site build and the test suite
# remove the `exercise` cells before they run the lab, which is why the checks
# on this page pass with the reference solutions.

# %% [markdown]
# ## Set up
#
# The network of this lab is the classic worked example of backpropagation:
# two inputs, two sigmoid hidden nodes and two sigmoid outputs, with a bias
# on each layer. As in `lessonlib`, a layer's weights form a matrix with one
# row per node, holding the weights on the edges coming into that node.

# %%
import numpy as np

import lessonlib

inputs = np.array([0.05, 0.10])  # (2,): one row of data
targets = np.array([0.01, 0.99])  # (2,): one target per output node
hidden_weights = np.array([[0.15, 0.20], [0.25, 0.30]])  # (2 nodes, 2 inputs)
hidden_bias = np.array([0.35, 0.35])  # (2,)
output_weights = np.array([[0.40, 0.45], [0.50, 0.55]])  # (2 nodes, 2 hidden values)
output_bias = np.array([0.60, 0.60])  # (2,)

# The same network in lessonlib's form: a list of (weights, bias, activation).
network = [
    (hidden_weights, hidden_bias, lessonlib.sigmoid),
    (output_weights, output_bias, lessonlib.sigmoid),
]

# %% [markdown]
# ## Exercise 1: write the sigmoid and its slope
#
# The sigmoid squeezes any number into the range 0 to 1:
# `sigmoid(x) = 1 / (1 + exp(-x))`. Its slope has a neat form in terms of
# the sigmoid itself: `sigmoid(x) * (1 - sigmoid(x))`. Write both, for a
# number or a numpy array.
#
# <details><summary>Solution</summary>
#
# ```python
# def sigmoid(x):
#     return 1 / (1 + np.exp(-x))
#
#
# def sigmoid_slope(x):
#     return sigmoid(x) * (1 - sigmoid(x))
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_slope(x):
    return sigmoid(x) * (1 - sigmoid(x))


# %% tags=["exercise"]
def sigmoid(x):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write sigmoid")


def sigmoid_slope(x):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write sigmoid_slope")


# %%
print(round(sigmoid(0.3775), 9), sigmoid_slope(0.0))

x = np.linspace(-20, 20, 401)
np.testing.assert_allclose(sigmoid(x), lessonlib.sigmoid(x), err_msg="sigmoid differs")
np.testing.assert_allclose(sigmoid_slope(x), lessonlib.sigmoid_slope(x), err_msg="slope differs")
step = 1e-6
estimate = (sigmoid(x + step) - sigmoid(x - step)) / (2 * step)  # central differences
np.testing.assert_allclose(sigmoid_slope(x), estimate, atol=1e-9)
print("Exercise 1 passed: sigmoid and its slope agree with lessonlib and finite differences.")

# %% [markdown]
# 0.3775 is the weighted sum plus bias that arrives at the first hidden node.
#
# ## Exercise 2: run the network forward
#
# Write `forward_pass(inputs, hidden_weights, hidden_bias, output_weights,
# output_bias)` for one row of inputs. Each layer computes its weighted sums
# with a matrix product, adds its bias, and applies the sigmoid. Return the
# hidden layer's outputs and the network's outputs.
#
# <details><summary>Solution</summary>
#
# ```python
# def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
#     hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)  # (2,)
#     outputs = sigmoid(output_weights @ hidden_outputs + output_bias)  # (2,)
#     return hidden_outputs, outputs
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
    hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)  # (2,)
    outputs = sigmoid(output_weights @ hidden_outputs + output_bias)  # (2,)
    return hidden_outputs, outputs


# %% tags=["exercise"]
def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write forward_pass")


# %%
hidden_outputs, outputs = forward_pass(
    inputs, hidden_weights, hidden_bias, output_weights, output_bias
)
print("hidden outputs:", *[f"{value:.9f}" for value in hidden_outputs])
print("outputs:", *[f"{value:.9f}" for value in outputs])
print("total error:", round(lessonlib.half_squared_error(targets, outputs), 9))

values = lessonlib.forward(network, inputs)
np.testing.assert_allclose(hidden_outputs, values.activations[0], err_msg="hidden layer differs")
np.testing.assert_allclose(outputs, values.output, err_msg="outputs differ")
print("Exercise 2 passed: forward_pass agrees with lessonlib.forward.")

# %% [markdown]
# The total error, ½·Σ(target - output)², is 0.298371109, as in the source
# of the example.
#
# ## Exercise 3: the slopes of the output layer
#
# The loss is `½ · sum((targets - outputs) ** 2)`. Follow the chain rule from
# the loss back to one output weight:
#
# - the slope of the loss for output node `k` is `outputs[k] - targets[k]`;
# - the sigmoid multiplies it by its slope, `outputs[k] * (1 - outputs[k])`,
#   giving the node's *delta*;
# - the weight from hidden node `j` into output node `k` multiplied
#   `hidden_outputs[j]`, so its slope is `delta[k] * hidden_outputs[j]`.
#
# Write `output_layer_slopes(hidden_outputs, outputs, targets)`, which returns
# the deltas (2,) and the slopes of the output weights (2, 2), in the same
# layout as `output_weights`. `np.outer(a, b)` builds every `a[k] * b[j]`.
#
# <details><summary>Solution</summary>
#
# ```python
# def output_layer_slopes(hidden_outputs, outputs, targets):
#     output_deltas = (outputs - targets) * outputs * (1 - outputs)  # (2,)
#     weight_slopes = np.outer(output_deltas, hidden_outputs)  # (2 nodes, 2 hidden values)
#     return output_deltas, weight_slopes
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def output_layer_slopes(hidden_outputs, outputs, targets):
    output_deltas = (outputs - targets) * outputs * (1 - outputs)  # (2,)
    weight_slopes = np.outer(output_deltas, hidden_outputs)  # (2 nodes, 2 hidden values)
    return output_deltas, weight_slopes


# %% tags=["exercise"]
def output_layer_slopes(hidden_outputs, outputs, targets):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write output_layer_slopes")


# %%
hidden_outputs, outputs = forward_pass(
    inputs, hidden_weights, hidden_bias, output_weights, output_bias
)
output_deltas, output_weight_slopes = output_layer_slopes(hidden_outputs, outputs, targets)
print("slopes of the output weights:", *[f"{slope:.9f}" for slope in output_weight_slopes.ravel()])

values = lessonlib.forward(network, inputs)
loss_slope = lessonlib.half_squared_error_slope(targets, values.output)
gradients = lessonlib.backward(network, values, loss_slope)
np.testing.assert_allclose(output_deltas, gradients.pre_activations[1], err_msg="deltas differ")
np.testing.assert_allclose(
    output_weight_slopes, gradients.weights[1], err_msg="output weight slopes differ"
)
print("Exercise 3 passed: the output layer's slopes agree with lessonlib.backward.")

# %% [markdown]
# The slope for the first output weight is 0.082167041: raising that weight
# would raise the error.
#
# ## Exercise 4: the slopes of the hidden layer
#
# A hidden node feeds both output nodes, so its share of the loss's slope is
# the sum over the outputs of `output_deltas[k] * output_weights[k, j]`, which
# is `output_weights.T @ output_deltas`. Multiply by the sigmoid's slope at the
# hidden node to get its delta, and by each input to get the slope of each
# hidden weight. Write `hidden_layer_slopes(inputs, hidden_outputs,
# output_deltas, output_weights)`, which returns the slopes of the hidden
# weights (2, 2), laid out like `hidden_weights`.
#
# <details><summary>Solution</summary>
#
# ```python
# def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
#     slope_at_hidden = output_weights.T @ output_deltas  # (2,)
#     hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)  # (2,)
#     return np.outer(hidden_deltas, inputs)  # (2 nodes, 2 inputs)
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
    slope_at_hidden = output_weights.T @ output_deltas  # (2,)
    hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)  # (2,)
    return np.outer(hidden_deltas, inputs)  # (2 nodes, 2 inputs)


# %% tags=["exercise"]
def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write hidden_layer_slopes")


# %%
hidden_outputs, outputs = forward_pass(
    inputs, hidden_weights, hidden_bias, output_weights, output_bias
)
output_deltas, output_weight_slopes = output_layer_slopes(hidden_outputs, outputs, targets)
hidden_weight_slopes = hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights)

learning_rate = 0.5
new_hidden_weights = hidden_weights - learning_rate * hidden_weight_slopes  # (2, 2)
new_output_weights = output_weights - learning_rate * output_weight_slopes  # (2, 2)
print("updated hidden weights:", *[f"{weight:.9f}" for weight in new_hidden_weights.ravel()])
print("updated output weights:", *[f"{weight:.9f}" for weight in new_output_weights.ravel()])

estimated_weights, _ = lessonlib.numerical_network_gradients(
    network, inputs, targets, lessonlib.half_squared_error, step=1e-5
)
difference = lessonlib.largest_relative_difference(
    [hidden_weight_slopes, output_weight_slopes], estimated_weights
)
print(f"largest relative difference from finite differences: {difference:.1e}")
assert difference < 1e-6, "the slopes do not agree with finite differences"
np.testing.assert_allclose(
    hidden_weight_slopes, gradients.weights[0], err_msg="hidden weight slopes differ"
)
print("Exercise 4 passed: the hidden layer's slopes agree with lessonlib and finite differences.")

# %% [markdown]
# One step with learning rate 0.5 gives the updated weights of the worked
# example: 0.149780716 for the first hidden weight and 0.35891648 for the
# first output weight.
#
# ## Exercise 5: train on mini-batches
#
# From here on, `lessonlib` runs the layers forward and backward for a whole
# batch at once. One *epoch* of mini-batch training shuffles the rows, cuts
# them into mini-batches and takes one step per mini-batch. Write
# `train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng)`
# with these `lessonlib` functions:
#
# - `lessonlib.minibatches(len(inputs), batch_size, rng)` for the rows of each
#   mini-batch;
# - `lessonlib.loss_and_gradients(network, rows_inputs, rows_labels,
#   lessonlib.softmax_cross_entropy)` for the slopes of one mini-batch;
# - `lessonlib.updated_network(network, gradients, learning_rate)` for the step.
#
# Return the network after the epoch.
#
# <details><summary>Solution</summary>
#
# ```python
# def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
#     for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
#         _, gradients = lessonlib.loss_and_gradients(
#             network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
#         )
#         network = lessonlib.updated_network(network, gradients, learning_rate)
#     return network
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
    for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
        _, gradients = lessonlib.loss_and_gradients(
            network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
        )
        network = lessonlib.updated_network(network, gradients, learning_rate)
    return network


# %% tags=["exercise"]
def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 5: write train_one_epoch")


# %%
data_rng = np.random.default_rng(5)
points = data_rng.normal(size=(300, 2))  # (300 rows, 2 inputs)
point_labels = (points[:, 0] * points[:, 1] > 0).astype(int)  # class 1 in two quadrants
start = lessonlib.random_network([2, 16, 2], np.random.default_rng(6))

mine = train_one_epoch(start, points, point_labels, 0.5, 30, np.random.default_rng(7))
expected = lessonlib.train(
    start,
    points,
    point_labels,
    loss=lessonlib.softmax_cross_entropy,
    learning_rate=0.5,
    batch_size=30,
    epochs=1,
    rng=np.random.default_rng(7),
    progress=False,
).network
for layer, (weights, bias, _) in enumerate(expected):
    np.testing.assert_allclose(mine[layer][0], weights, err_msg=f"layer {layer} weights differ")
    np.testing.assert_allclose(mine[layer][1], bias, err_msg=f"layer {layer} biases differ")
print("Exercise 5 passed: one epoch agrees with lessonlib.train.")

# %% [markdown]
# ## Exercise 6: measure accuracy
#
# A classifier's network has one output node per class, and the class it
# predicts for a row is the node with the largest output. Write
# `accuracy(labels, outputs)`: the fraction of rows whose predicted class is
# the label, for labels (n_rows,) and outputs (n_rows, n_classes).
#
# <details><summary>Solution</summary>
#
# ```python
# def accuracy(labels, outputs):
#     predicted = outputs.argmax(axis=1)  # (n_rows,)
#     return (predicted == labels).mean()
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def accuracy(labels, outputs):
    predicted = outputs.argmax(axis=1)  # (n_rows,)
    return (predicted == labels).mean()


# %% tags=["exercise"]
def accuracy(labels, outputs):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 6: write accuracy")


# %%
print(accuracy(np.array([0, 1, 1]), np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])))

rng = np.random.default_rng(8)
for _ in range(20):
    labels = rng.integers(0, 4, size=50)
    outputs = rng.normal(size=(50, 4))
    assert np.isclose(accuracy(labels, outputs), lessonlib.accuracy(labels, outputs)), (
        "accuracy does not agree with lessonlib.accuracy"
    )
print("Exercise 6 passed: accuracy agrees with lessonlib.accuracy.")

# %% [markdown]
# ## Put it together: handwritten digits
#
# Your `train_one_epoch` and `accuracy` now train a network with one hidden
# layer of 32 ReLU nodes on the 8-by-8 digits that scikit-learn ships, and
# measure it on rows it never trained on.

# %%
from sklearn.datasets import load_digits

digits = load_digits()
pixels = digits.data / 16.0  # (1797, 64), each pixel from 0 to 1
order = np.random.default_rng(9).permutation(len(pixels))
train_rows, test_rows = order[:1400], order[1400:]

digit_network = lessonlib.random_network([64, 32, 10], np.random.default_rng(10))
epoch_rng = np.random.default_rng(11)
for _ in range(20):
    digit_network = train_one_epoch(
        digit_network, pixels[train_rows], digits.target[train_rows], 0.5, 32, epoch_rng
    )
test_outputs = lessonlib.forward(digit_network, pixels[test_rows]).output  # (397, 10)
test_accuracy = accuracy(digits.target[test_rows], test_outputs)
print(f"test accuracy after 20 epochs: {test_accuracy:.1%}")
assert test_accuracy > 0.9, "expected more than 90% of the test digits right"

# %% [markdown]
# ## Try next
#
# - Find the slopes of the biases too: a bias adds straight into its node, so
#   its slope is the node's delta. Compare them with `gradients.biases` from
#   `lessonlib.backward`.
# - Repeat the update of exercise 4 ten thousand times and watch the total
#   error of the worked example fall.
# - Train the digits network with a smaller learning rate, or for more epochs,
#   and see how the test accuracy changes.
