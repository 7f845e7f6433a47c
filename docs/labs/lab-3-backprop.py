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
# Each exercise says what to write, and a *check* cell tests your code: first
# on the lesson's own example, then against `lessonlib`, the library the
# lessons use, on random data. A check calls your function on copies of its
# data and fails if your function changes them. When it fails, it says what
# your code gave and what it expected.
#
# To do the exercises, download this lab as a notebook or as a script, and
# install what it needs with the one line under its title. In the download,
# each exercise has two code cells: **your cell** (tagged `exercise`), which
# starts as `raise NotImplementedError`, then the check, which fails until
# your code is right. The reference solutions wait at the end of the file,
# under *Reference solutions*, folded away: try each exercise before you look.
#
# On this page the reference solutions have run in place of your cells, so
# every check shows what passing looks like. Each solution is folded under
# **Solution**, below its exercise.

# %% [markdown]
# ## Set up
#
# The network of this lab is the classic worked example of backpropagation
# from the lesson *Sigmoid and biases*: two inputs, two sigmoid hidden nodes
# and two sigmoid outputs. In the letters of the site's notation page, layer l
# (the hidden layer is layer 1, the output layer is layer 2) computes
# z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and passes on a⁽ˡ⁾ = σ(z⁽ˡ⁾), where a⁽⁰⁾ = x is the
# row of inputs. W⁽¹⁾ is `hidden_weights`, with one row per node holding the
# weights into that node; in `lessonlib`'s list of layers, layer l is
# `network[l - 1]`. The source gives each layer one shared bias; here each
# layer has a bias vector, one entry per node, with both entries equal. The
# loss is half the sum of the squared errors, L = ½ Σⱼ (aⱼ⁽²⁾ - yⱼ)², for the
# targets y.
#
# `call`, from `lessonlib.lab_checks`, runs your function the way every check
# does: on copies of the check's data, failing in words if your function
# raises or changes them. `agrees` compares what it gave with what the check
# expected. `random_example` draws the
# random networks the checks also try: 3 inputs, 4 hidden nodes, 2 outputs
# and a different bias at every node. `reference` runs `lessonlib` on an
# example.

# %%
import numpy as np

import lessonlib
from lessonlib.lab_checks import agrees, call

inputs = np.array([0.05, 0.10])  # x: one row of data, (2,)
targets = np.array([0.01, 0.99])  # y: one target per output node, (2,)
hidden_weights = np.array([[0.15, 0.20], [0.25, 0.30]])  # W⁽¹⁾: (2 nodes, 2 inputs)
hidden_bias = np.array([0.35, 0.35])  # b⁽¹⁾: (2,), both entries equal
output_weights = np.array([[0.40, 0.45], [0.50, 0.55]])  # W⁽²⁾: (2 nodes, 2 hidden values)
output_bias = np.array([0.60, 0.60])  # b⁽²⁾: (2,)
worked_example = {
    "inputs": inputs,
    "targets": targets,
    "hidden_weights": hidden_weights,
    "hidden_bias": hidden_bias,
    "output_weights": output_weights,
    "output_bias": output_bias,
}


def random_example(rng):
    """A random row of 3 inputs, 2 targets, and a network with 4 hidden nodes."""
    return {
        "inputs": rng.normal(size=3).round(2),
        "targets": rng.uniform(size=2).round(2),
        "hidden_weights": rng.normal(size=(4, 3)).round(2),  # (4 nodes, 3 inputs)
        "hidden_bias": rng.normal(size=4).round(2),
        "output_weights": rng.normal(size=(2, 4)).round(2),  # (2 nodes, 4 hidden values)
        "output_bias": rng.normal(size=2).round(2),
    }


def layers(example):
    """The example's network in lessonlib's form: (weights, bias, activation), layer 1 first."""
    return [
        (example["hidden_weights"], example["hidden_bias"], lessonlib.sigmoid),
        (example["output_weights"], example["output_bias"], lessonlib.sigmoid),
    ]


def reference(example):
    """lessonlib's forward and backward pass on an example: every value and every slope."""
    values = lessonlib.forward(layers(example), example["inputs"])
    loss_slope = lessonlib.half_squared_error_slope(example["targets"], values.output)
    return values, lessonlib.backward(layers(example), values, loss_slope)


random_examples = [random_example(np.random.default_rng(seed)) for seed in range(20)]

# %% [markdown]
# ## Exercise 1: write the sigmoid and its slope
#
# The sigmoid squeezes any number into the range 0 to 1:
# σ(x) = 1 / (1 + e⁻ˣ). Its slope has a neat form in terms of the sigmoid
# itself: σ'(x) = σ(x) (1 - σ(x)). Write `sigmoid(x)` and `sigmoid_slope(x)`,
# each for a number or a numpy array (`np.exp` works on both). The formula as
# written overflows for very negative x, where e⁻ˣ grows past the largest
# float; the checks stay in a range where it is exact, and `lessonlib.sigmoid`
# shows how to avoid the overflow.


# %% tags=["exercise"]
def sigmoid(x):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write sigmoid")


def sigmoid_slope(x):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write sigmoid_slope")


# %%
hint = (
    "sigmoid(x) is 1 / (1 + np.exp(-x)), its slope sigmoid(x) * (1 - sigmoid(x)), for arrays too."
)

z = hidden_weights @ inputs + hidden_bias  # what the worked example's hidden nodes receive
spread = np.array([-10, -2, -0.5, 0, 0.5, 2, 10])
for function, expected_function in [
    (sigmoid, lessonlib.sigmoid),
    (sigmoid_slope, lessonlib.sigmoid_slope),
]:
    for x in (z, spread, 0.0):
        expected = expected_function(x)
        got = call(function, x, hint=hint)
        assert agrees(got, expected), (
            f"{function.__name__}({x}) gave {got}; expected {expected}. {hint}"
        )
print("hidden z:", np.round(z, 9).tolist(), "sigmoid:", np.round(sigmoid(z), 9).tolist())
print("Exercise 1 passed: sigmoid and its slope agree with lessonlib.")

# %% [markdown]
# The worked example's hidden nodes receive z = 0.3775 and 0.3925 and pass on
# 0.593269992 and 0.596884378.
#
# ## Exercise 2: run the network forward
#
# Write `forward_pass(inputs, hidden_weights, hidden_bias, output_weights,
# output_bias)` for one row of inputs x, with any number of inputs and nodes.
# Each layer computes its z with a matrix product plus its bias vector, and
# applies the sigmoid: a⁽¹⁾ = σ(W⁽¹⁾x + b⁽¹⁾), then a⁽²⁾ = σ(W⁽²⁾a⁽¹⁾ + b⁽²⁾).
# Return two things: the hidden layer's outputs a⁽¹⁾ and the network's
# outputs a⁽²⁾. The check also tries the random networks, so use the
# arguments, not the variables of the set-up cell.


# %% tags=["exercise"]
def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write forward_pass")


# %%
def check_forward_pass(example, name):
    """Run your forward_pass on an example; fail unless it agrees with lessonlib.forward."""
    hint = (
        "Each layer is sigmoid(weights @ values + bias): the hidden layer takes the inputs and "
        "the output layer the hidden outputs, each with its own bias, all from the arguments."
    )
    values, _ = reference(example)
    keys = ["inputs", "hidden_weights", "hidden_bias", "output_weights", "output_bias"]
    got = call(forward_pass, *[example[key] for key in keys], hint=hint)
    two_things = isinstance(got, tuple | list) and len(got) == 2
    assert two_things, f"forward_pass returned {got!r} for {name}; it must return two things."
    for what, got_values, expected in [
        ("hidden outputs", got[0], values.activations[0]),
        ("outputs", got[1], values.output),
    ]:
        assert agrees(got_values, expected), (
            f"forward_pass gave the {what} {got_values} for {name}; expected {expected}. {hint}"
        )
    return got


hidden_outputs, outputs = check_forward_pass(worked_example, "the worked example")
print("hidden outputs:", np.round(hidden_outputs, 9).tolist())
print("outputs:", np.round(outputs, 9).tolist())
print("loss:", round(lessonlib.half_squared_error(targets, outputs), 9))
for number, example in enumerate(random_examples):
    check_forward_pass(example, f"random network {number}")
print("Exercise 2 passed: forward_pass agrees with lessonlib.forward on 21 networks.")

# %% [markdown]
# The loss, L = ½ Σⱼ (aⱼ - yⱼ)², is 0.298371109, as in the source of the
# example, which calls it the total error.
#
# ## Exercise 3: the slopes of the output layer
#
# Follow the chain rule from the loss L = ½ Σⱼ (aⱼ - yⱼ)² back to one output
# weight, where a is the network's outputs a⁽²⁾:
#
# - the slope of the loss for output j is aⱼ - yⱼ;
# - the sigmoid multiplies it by its own slope, aⱼ (1 - aⱼ), written with the
#   output itself; that gives the node's *delta*, δⱼ = ∂L/∂zⱼ;
# - the weight wⱼₖ from hidden node k into output node j multiplied the
#   hidden output aₖ⁽¹⁾, so its slope is ∂L/∂wⱼₖ = δⱼ aₖ⁽¹⁾.
#
# Write `output_layer_slopes(hidden_outputs, outputs, targets)`, which returns
# two things: the output deltas (n_outputs,) and the slopes of the output
# weights (n_outputs, n_hidden), laid out like `output_weights`.
# `np.outer(u, v)` builds the matrix of every `u[j] * v[k]`.


# %% tags=["exercise"]
def output_layer_slopes(hidden_outputs, outputs, targets):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write output_layer_slopes")


# %%
def check_output_layer(example, name):
    """Run your output_layer_slopes on an example; fail unless it agrees with lessonlib."""
    hint = (
        "Each output delta is (output - target) * output * (1 - output); the slope of the "
        "weight from hidden node k into output node j is delta[j] * hidden_outputs[k]."
    )
    values, gradients = reference(example)
    arguments = [values.activations[0], values.output, example["targets"]]
    got = call(output_layer_slopes, *arguments, hint=hint)
    two_things = isinstance(got, tuple | list) and len(got) == 2
    assert two_things, (
        f"output_layer_slopes returned {got!r} for {name}; it must return two things."
    )
    for what, got_values, expected in [
        ("deltas", got[0], gradients.deltas[1]),
        ("slopes", got[1], gradients.weights[1]),
    ]:
        assert agrees(got_values, expected), (
            f"output_layer_slopes gave the {what} {got_values} for {name}; "
            f"expected {expected}. {hint}"
        )
    return got


output_deltas, output_weight_slopes = check_output_layer(worked_example, "the worked example")
print("slopes of the output weights:", np.round(output_weight_slopes, 9).tolist())
new_output_weights = output_weights - 0.5 * output_weight_slopes  # one step, learning rate 0.5
print("output weights after one step:", np.round(new_output_weights, 9).tolist())
for number, example in enumerate(random_examples):
    check_output_layer(example, f"random network {number}")
print("Exercise 3 passed: the output layer's slopes agree with lessonlib.backward.")

# %% [markdown]
# The slope of the first output weight is 0.082167041: raising that weight
# would raise the loss. One step with learning rate 0.5 moves the weight from
# 0.4 to 0.35891648, as in the worked example.
#
# ## Exercise 4: the slopes of the hidden layer
#
# A hidden node k feeds every output node, so the slope of the loss for its
# output is the sum over the outputs j of δⱼ wⱼₖ, which is
# `output_weights.T @ output_deltas`: each hidden delta reuses the output
# deltas instead of following every path to the loss again. Multiply by the
# sigmoid's slope at the hidden node, aₖ⁽¹⁾ (1 - aₖ⁽¹⁾), to get its delta, and
# by each input to get the slope of each hidden weight. Write
# `hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights)`,
# which returns the slopes of the hidden weights (n_hidden, n_inputs), laid
# out like `hidden_weights`. Use the output weights you are given, as they
# were in the forward pass: every slope describes the network before any
# weight changes.


# %% tags=["exercise"]
def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write hidden_layer_slopes")


# %%
def check_hidden_layer(example, name):
    """Run your hidden_layer_slopes on an example; fail unless it agrees with lessonlib."""
    hint = (
        "The hidden deltas are (output_weights.T @ output_deltas) * hidden_outputs * "
        "(1 - hidden_outputs), with the output weights given; the slopes are their outer "
        "product with the inputs."
    )
    values, gradients = reference(example)
    arguments = [example["inputs"], values.activations[0], gradients.deltas[1]]
    got = call(hidden_layer_slopes, *arguments, example["output_weights"], hint=hint)
    assert agrees(got, gradients.weights[0]), (
        f"hidden_layer_slopes gave {got} for {name}; expected {gradients.weights[0]}. {hint}"
    )
    return got


hidden_weight_slopes = check_hidden_layer(worked_example, "the worked example")
print("slopes of the hidden weights:", np.round(hidden_weight_slopes, 9).tolist())
new_hidden_weights = hidden_weights - 0.5 * hidden_weight_slopes  # one step, learning rate 0.5
print("hidden weights after one step:", np.round(new_hidden_weights, 9).tolist())
nudged, _ = lessonlib.numerical_network_gradients(
    layers(worked_example), inputs, targets, lessonlib.half_squared_error, step=1e-5
)
difference = lessonlib.largest_relative_difference([hidden_weight_slopes], nudged[:1])
print(f"largest relative difference from nudging each hidden weight: {difference:.0e}")
assert difference < 1e-6, f"the slopes {hidden_weight_slopes} differ from nudging: {nudged[0]}"
for number, example in enumerate(random_examples):
    check_hidden_layer(example, f"random network {number}")
print("Exercise 4 passed: the hidden layer's slopes agree with lessonlib and finite differences.")

# %% [markdown]
# One step with learning rate 0.5 moves the first hidden weight from 0.15 to
# 0.149780716, as in the worked example. The hidden slopes are much smaller
# than the output slopes, for two reasons: the hidden deltas passed back
# through one more sigmoid slope, never more than a quarter, and the inputs
# on the hidden layer's arrows are small next to the hidden outputs on the
# output layer's.
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
#   mini-batch, shuffled with the `rng` you are given;
# - `lessonlib.loss_and_gradients(network, inputs[rows], labels[rows],
#   lessonlib.softmax_cross_entropy)` for the slopes of one mini-batch;
# - `lessonlib.updated_network(network, gradients, learning_rate)` for the
#   step, biases included.
#
# Return the network after the epoch. The check uses its own learning rate and
# batch size, and compares the network with one epoch of `lessonlib.train`.


# %% tags=["exercise"]
def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 5: write train_one_epoch")


# %%
hint = (
    "For each mini-batch of rows from lessonlib.minibatches(len(inputs), batch_size, rng), "
    "take the slopes on inputs[rows] and labels[rows] and keep the network that "
    "updated_network returns, with the learning rate and batch size given."
)

data_rng = np.random.default_rng(5)
points = data_rng.normal(size=(300, 2))  # (300 rows, 2 inputs)
point_labels = (points[:, 0] * points[:, 1] > 0).astype(int)  # class 1 in two quadrants
start = lessonlib.random_network([2, 16, 2], np.random.default_rng(6))
expected = lessonlib.train(
    start,
    points,
    point_labels,
    loss=lessonlib.softmax_cross_entropy,
    learning_rate=0.3,
    batch_size=25,
    epochs=1,
    rng=np.random.default_rng(7),
    progress=False,
).network
got = call(
    train_one_epoch, start, points, point_labels, 0.3, 25, np.random.default_rng(7), hint=hint
)
is_network = isinstance(got, list | tuple) and len(got) == len(expected)
assert is_network, f"train_one_epoch returned {got!r:.120}; it must return the list of layers."
for number, (layer, expected_layer) in enumerate(zip(got, expected, strict=True), start=1):
    for what, got_values, expected_values in [
        ("weights", layer[0], expected_layer.weights),
        ("biases", layer[1], expected_layer.bias),
    ]:
        assert agrees(got_values, expected_values), (
            f"train_one_epoch gave layer {number} {what} that start {np.ravel(got_values)[:3]} "
            f"after one epoch at learning rate 0.3 in batches of 25; lessonlib.train's start "
            f"{np.ravel(expected_values)[:3]}. {hint}"
        )
print("Exercise 5 passed: one epoch agrees with lessonlib.train.")

# %% [markdown]
# ## Exercise 6: measure accuracy
#
# A classifier's network has one output node per class, and the class it
# predicts for a row is the node with the largest output. Write
# `accuracy(labels, outputs)`: the fraction of rows whose predicted class is
# the label, one number from 0 to 1, for labels (n_rows,) and outputs
# (n_rows, n_classes).


# %% tags=["exercise"]
def accuracy(labels, outputs):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 6: write accuracy")


# %%
hint = "The predicted class of a row is the index of its largest output; return a fraction."

labels = np.array([0, 1, 1])
outputs = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])  # (3 rows, 2 classes)
expected = lessonlib.accuracy(labels, outputs)
got = call(accuracy, labels, outputs, hint=hint)
assert agrees(got, expected), (
    f"accuracy gave {got} for the labels {labels} and the outputs {outputs.tolist()}; "
    f"expected {expected}. {hint}"
)
print(got)

rng = np.random.default_rng(8)
cases = []  # 20 random sets of 50 rows with 4 classes, the label's output often the largest
for _ in range(20):
    labels, outputs = rng.integers(0, 4, size=50), rng.normal(size=(50, 4)).round(2)
    outputs[np.arange(50), labels] += rng.uniform(0, 2)
    cases.append((labels, outputs, lessonlib.accuracy(labels, outputs)))
accuracies = {expected for *_, expected in cases}
assert len(accuracies) > 10, "need many different accuracies: pick another seed"
assert 0 < min(accuracies) < max(accuracies) < 1, "need accuracies between 0 and 1: reseed"
for labels, outputs, expected in cases:
    got = call(accuracy, labels, outputs, hint=hint)
    assert agrees(got, expected), (
        f"accuracy gave {got} for 50 random rows of 4 classes, the labels {labels}; "
        f"expected {expected}. {hint}"
    )
print("Exercise 6 passed: accuracy agrees with lessonlib.accuracy.")

# %% [markdown]
# ## Put it together: handwritten digits
#
# Your `train_one_epoch` and `accuracy` now train a network with one hidden
# layer of 32 ReLU nodes on the small images of handwritten digits that
# scikit-learn ships, 64 pixels each, and measure it on rows it never trained
# on. This is a smaller network than the lesson *Training on digits* trains,
# with its own split of the rows (no validation rows), learning rate and
# batch size, so expect a different accuracy from the lesson's.

# %%
from sklearn.datasets import load_digits


def digits_accuracy(train, test, learning_rate, n_epochs):
    """Train a new 64-32-10 network on the (pixels, labels) of train; its accuracy on test."""
    network = lessonlib.random_network([64, 32, 10], np.random.default_rng(10))
    epoch_rng = np.random.default_rng(11)
    for _ in range(n_epochs):
        network = train_one_epoch(network, *train, learning_rate, 32, epoch_rng)
    test_outputs = lessonlib.forward(network, test[0]).output  # (n_test_rows, 10)
    return accuracy(test[1], test_outputs)


digits = load_digits()
pixels = digits.data / 16.0  # (1797, 64), each pixel from 0 to 1
order = np.random.default_rng(9).permutation(len(pixels))
train = (pixels[order[:1400]], digits.target[order[:1400]])
test = (pixels[order[1400:]], digits.target[order[1400:]])
test_accuracy = digits_accuracy(train, test, learning_rate=0.5, n_epochs=20)
print(f"test accuracy after 20 epochs: {test_accuracy:.1%}")
assert test_accuracy > 0.9, f"expected more than 90% of the test digits right, got {test_accuracy}"

# %% [markdown]
# ## Try next
#
# - Find the slopes of the biases too: a bias adds straight into its node, so
#   its slope is the node's delta. Compare them with `gradients.biases` from
#   `lessonlib.backward`.
#   <details><summary>Answer</summary>For the worked example the bias slopes
#   are 0.00877135 and 0.00995425 in the hidden layer and 0.13849856 and
#   -0.03809824 in the output layer: the deltas (printed by the last
#   cell).</details>
# - Repeat the update of exercise 3 and exercise 4 ten thousand times and watch the
#   loss of the worked example fall. The last section of the lesson
#   *Sigmoid and biases* does exactly this, and compares the result with the
#   source's.
# - Train the digits network with a smaller learning rate, or for more epochs,
#   and see how the test accuracy changes.
#   <details><summary>Answer</summary>With learning rate 0.05 for 20 epochs
#   the test accuracy falls to 94.0%; with 0.5 for 60 epochs it is 96.0%, no
#   better than after 20 epochs (printed by the last cell).</details>
# - Continue with chapter 4, which starts with *The learning rate*.

# %%
# The numbers in the answers above.
_, gradients = reference(worked_example)
print("bias slopes, layers 1 and 2:", [slopes.round(8).tolist() for slopes in gradients.biases])
print("deltas, layers 1 and 2:     ", [deltas.round(8).tolist() for deltas in gradients.deltas])
for learning_rate, n_epochs in [(0.05, 20), (0.5, 60)]:
    digits_result = digits_accuracy(train, test, learning_rate, n_epochs)
    print(f"learning rate {learning_rate}, {n_epochs} epochs: test accuracy {digits_result:.1%}")


# %% [markdown] tags=["solution"]
# ## Reference solutions
#
# One reference solution for each exercise, in order, each folded away. Open
# one once you have tried its exercise. Running a cell here replaces your
# function of the same name with the reference one.

# %% [markdown] tags=["solution"]
# ### Exercise 1: write the sigmoid and its slope


# %% tags=["solution"] jupyter={"source_hidden": true}
def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_slope(x):
    s = sigmoid(x)
    return s * (1 - s)


# %% [markdown] tags=["solution"]
# ### Exercise 2: run the network forward


# %% tags=["solution"] jupyter={"source_hidden": true}
def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
    hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)  # a⁽¹⁾: (n_hidden,)
    outputs = sigmoid(output_weights @ hidden_outputs + output_bias)  # a⁽²⁾: (n_outputs,)
    return hidden_outputs, outputs


# %% [markdown] tags=["solution"]
# ### Exercise 3: the slopes of the output layer


# %% tags=["solution"] jupyter={"source_hidden": true}
def output_layer_slopes(hidden_outputs, outputs, targets):
    output_deltas = (outputs - targets) * outputs * (1 - outputs)  # δ⁽²⁾: (n_outputs,)
    weight_slopes = np.outer(output_deltas, hidden_outputs)  # (n_outputs, n_hidden)
    return output_deltas, weight_slopes


# %% [markdown] tags=["solution"]
# ### Exercise 4: the slopes of the hidden layer


# %% tags=["solution"] jupyter={"source_hidden": true}
def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
    slope_at_hidden = output_weights.T @ output_deltas  # ∂L/∂a⁽¹⁾: (n_hidden,)
    hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)  # δ⁽¹⁾
    return np.outer(hidden_deltas, inputs)  # (n_hidden, n_inputs)


# %% [markdown] tags=["solution"]
# ### Exercise 5: train on mini-batches


# %% tags=["solution"] jupyter={"source_hidden": true}
def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
    for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
        _, gradients = lessonlib.loss_and_gradients(
            network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
        )
        network = lessonlib.updated_network(network, gradients, learning_rate)
    return network


# %% [markdown] tags=["solution"]
# ### Exercise 6: measure accuracy


# %% tags=["solution"] jupyter={"source_hidden": true}
def accuracy(labels, outputs):
    predicted = outputs.argmax(axis=1)  # the class of each row: (n_rows,)
    return np.mean(predicted == labels)
