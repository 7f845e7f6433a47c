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
# # Lab 4: making training work
#
# **What you'll practise**
#
# - Working out, for the one-node model, the learning rate that divides
#   converging descent from diverging descent.
# - Counting the dead ReLU nodes of a network.
# - Measuring the size of each layer's slopes, to spot vanishing gradients.
# - Deciding when to stop training from the validation losses.
#
# **How this lab works**
#
# Each exercise says what to write, and a *check* cell tests your code: first
# on an example from the lessons, then against `lessonlib`, the library the
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
# The lab works on the networks of chapter 4's lessons. `digits_start` makes
# chapter 3's split of the handwritten digits and its starting network, the
# one every lesson of chapter 4 starts from, and can set every hidden bias to
# another value, as the lesson *Dead ReLU nodes* does. In the letters of the
# site's notation page, a layer's weighted sums are z and the activation's
# slope is φ'(z); η is the learning rate.
#
# `call`, from `lessonlib.lab_checks`, runs your function the way every check
# does: on copies of the check's data, failing in words if your function
# raises or changes them. `agrees` compares what it gave with what the check
# expected.

# %%
import numpy as np
from sklearn.datasets import load_digits

import lessonlib
from lessonlib.lab_checks import agrees, call


def digits_start(pixels, labels, layer_sizes, hidden_bias=0.0, activation=lessonlib.relu):
    """Chapter 3's split and starting network, every hidden bias set to hidden_bias.

    Returns the training, validation and test rows (pixels, labels), the network and
    the generator, which goes on to shuffle the mini-batches as in chapter 3.
    """
    rng = np.random.default_rng(0)
    rows = rng.permutation(len(labels))
    test, validation, training = rows[:360], rows[360:720], rows[720:]
    network = lessonlib.random_network(layer_sizes, rng, activation=activation)
    hidden = [layer._replace(bias=np.full_like(layer.bias, hidden_bias)) for layer in network[:-1]]
    split = [(pixels[part], labels[part]) for part in (training, validation, test)]
    return split, hidden + network[-1:], rng


digits = load_digits()
pixels, digit_labels = digits.data / 16, digits.target  # (1797, 64) pixels from 0 to 1

# %% [markdown]
# ## Exercise 1: the largest stable learning rate
#
# The one-node model of chapter 2 predicts ŷ = w · x for one input row x. In
# the lesson *The learning rate*, each update multiplies its error by the
# same factor, 1 - 2η (x · x). The error shrinks while that factor lies
# between -1 and 1; at -1 it keeps its size and only changes sign, and
# beyond, it grows. Write `largest_stable_rate(input_data)`, the learning
# rate η at which the factor is exactly -1, for a 1-D array `input_data`.


# %% tags=["exercise"]
def largest_stable_rate(input_data):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write largest_stable_rate")


# %%
def check_stable_rate(input_data, target, weights, name):
    """Run your largest_stable_rate; descent must converge just below it and diverge above."""
    hint = "The factor 1 - 2 * rate * (input_data @ input_data) is -1 at the largest rate."
    rate = call(largest_stable_rate, input_data, hint=hint)
    one_number = isinstance(rate, int | float | np.number) and 0 < rate < np.inf
    assert one_number, (
        f"largest_stable_rate returned {rate!r} for {name}; it must return one positive number."
    )
    start = lessonlib.get_mse(input_data, target, weights)
    for share, should_fall in ((0.99, True), (1.01, False)):
        losses = lessonlib.gradient_descent(input_data, target, weights, share * rate, 20)
        falls = losses.mse_history[-1] < start
        assert falls == should_fall, (
            f"largest_stable_rate gave {rate} for {name}. With {share} times that rate, the "
            f"loss goes from {start:.4g} to {losses.mse_history[-1]:.4g} in 20 updates: "
            + (
                "your rate is too large."
                if should_fall
                else "it still falls, so descent is still stable: your rate is below the largest."
            )
            + f" {hint}"
        )
    return rate


lesson_rate = check_stable_rate(np.array([1, 2, 3]), 0, np.array([0, 2, 1]), "the input [1, 2, 3]")
print(f"largest stable rate for [1, 2, 3]: {lesson_rate:.6f} = 1/{1 / lesson_rate:.0f}")
lesson_input = np.array([1, 2, 3])
factor = 1 - 2 * lesson_rate * (lesson_input @ lesson_input)
print(f"the factor 1 - 2η(x · x) at that rate: {factor:.0f}")

rng = np.random.default_rng(1)
cases = []  # 30 random rows of 1 to 6 inputs, a target, and weights that start off target
for _ in range(30):
    size = rng.integers(1, 7)
    x, w = rng.normal(size=(2, size)).round(2)
    cases.append((x, round(rng.normal(), 2), w))
assert all(abs(x @ w - y) > 0.01 and x @ x > 0.01 for x, y, w in cases), "degenerate: reseed"
assert len({len(x) for x, _, _ in cases}) == 6, "need rows of every length: reseed"
for number, (x, y, w) in enumerate(cases):
    check_stable_rate(x, y, w, f"random input {number}, {x}")
print("Exercise 1 passed: just below your rate descent converges, just above it diverges.")

# %% [markdown]
# For the lesson's input the largest stable rate is 1/14, about 0.071429, as
# the lesson found. The fastest rate is half of it: its factor is 0.
#
# ## Exercise 2: count the dead nodes
#
# A ReLU node whose weighted sum z is 0 or less on every row outputs 0 and has
# slope 0 on every row: it is dead, and gets no slope to learn from. (A node
# whose weights and bias are all 0 has z = 0 on every row; ReLU's slope there
# is 0, so it is dead too.) Write `dead_nodes(network, inputs)`, which returns
# a list with one number per hidden layer (every layer but the last): how many
# of its nodes are dead on the rows `inputs`. `lessonlib.forward(network,
# inputs).pre_activations` holds each layer's weighted sums, an array
# (n_rows, n_nodes) per layer.


# %% tags=["exercise"]
def dead_nodes(network, inputs):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write dead_nodes")


# %%
def expected_dead_nodes(network, inputs):
    """Per hidden layer, the nodes where lessonlib's ReLU slope is 0 on every row."""
    hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
    return [int((lessonlib.relu_slope(sums) == 0).all(axis=0).sum()) for sums in hidden_sums]


def check_dead_nodes(network, inputs, name):
    """Run your dead_nodes on a network; fail unless it counts as lessonlib's slopes say."""
    hint = (
        "A node is dead when its weighted sum is 0 or less on every row (all, not any); "
        "count such nodes in each hidden layer, not in the output layer."
    )
    expected = expected_dead_nodes(network, inputs)
    got = call(dead_nodes, network, inputs, hint=hint)
    assert agrees(got, expected), f"dead_nodes gave {got} for {name}; expected {expected}. {hint}"
    return got


(training, _, _), badly_started, _ = digits_start(pixels, digit_labels, [64, 64, 32, 10], -1.0)
lesson_counts = check_dead_nodes(badly_started, training[0], "the lesson's bad start")
print("dead nodes of the lesson's bad start, layers 1 and 2:", lesson_counts)


def random_relu_network(rng):
    """3 inputs, hidden layers of 6 and 5 ReLU nodes, 2 outputs; some biases far below 0."""
    network = lessonlib.random_network([3, 6, 5, 2], rng)
    hidden = [
        layer._replace(bias=rng.choice([0.0, -0.5, -4.0], size=len(layer.bias)))
        for layer in network[:-1]
    ]
    return hidden + network[-1:]


rng = np.random.default_rng(2)
examples = [(random_relu_network(rng), rng.normal(size=(30, 3))) for _ in range(20)]
silent = examples[0][0][0]  # layer 1 of the first network: node 0 gets weights and bias of 0
examples[0][0][0] = silent._replace(
    weights=np.vstack([np.zeros(3), silent.weights[1:]]), bias=np.r_[0.0, silent.bias[1:]]
)
counts = [expected_dead_nodes(network, inputs) for network, inputs in examples]
assert len({tuple(count) for count in counts}) > 5, "need many different counts: reseed"
assert min(map(min, counts)) == 0 < max(map(max, counts)), "need live and dead layers: reseed"
for number, (network, inputs) in enumerate(examples):
    check_dead_nodes(network, inputs, f"random network {number}")
print("Exercise 2 passed: dead_nodes counts the nodes whose ReLU slope is 0 on every row.")

# %% [markdown]
# With every hidden bias at -1, 29 of the 64 nodes of layer 1 and all 32 of
# layer 2 are dead, as the lesson counted.
#
# ## Exercise 3: the size of each layer's slopes
#
# In a deep sigmoid network the slopes shrink layer by layer towards the
# input (the lesson *Vanishing gradients*). To see it, give each layer's
# weight slopes one size: square them, take the mean, and take the square
# root (the root mean square). Write `layer_slope_sizes(network, inputs,
# labels)`: one backward pass of the softmax cross-entropy loss on the rows
# `inputs` with their class `labels`, then one size per layer, layer 1 first.
# `lessonlib.loss_and_gradients(network, inputs, labels,
# lessonlib.softmax_cross_entropy)` returns the loss and the gradients;
# `gradients.weights` holds one array of weight slopes per layer.


# %% tags=["exercise"]
def layer_slope_sizes(network, inputs, labels):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write layer_slope_sizes")


# %%
def shown(values):
    """Numbers as a short list, to 4 significant digits; anything else as it is."""
    try:
        return [float(f"{value:.4g}") for value in values]
    except (TypeError, ValueError):
        return repr(values)


def check_slope_sizes(network, inputs, labels, name):
    """Run your layer_slope_sizes; fail unless it agrees with lessonlib.slope_sizes."""
    hint = (
        "For each layer's weight slopes (not the biases'), the square root of the mean of "
        "their squares, from one backward pass of softmax cross-entropy."
    )
    _, gradients = lessonlib.loss_and_gradients(
        network, inputs, labels, lessonlib.softmax_cross_entropy
    )
    expected = lessonlib.slope_sizes(gradients)
    got = call(layer_slope_sizes, network, inputs, labels, hint=hint)
    assert agrees(got, expected), (
        f"layer_slope_sizes gave {shown(got)} for {name}; expected {shown(expected)}. {hint}"
    )
    return got


deep = [64, 32, 32, 32, 32, 32, 32, 10]
(training, _, _), deep_sigmoid, _ = digits_start(pixels, digit_labels, deep, 0.0, lessonlib.sigmoid)
sizes = check_slope_sizes(deep_sigmoid, *training, "the lesson's deep sigmoid network")
print("the lesson's deep sigmoid network:", " ".join(f"{size:.1e}" for size in sizes))

rng = np.random.default_rng(3)
activations = [lessonlib.sigmoid, lessonlib.relu, lessonlib.tanh]
for number in range(12):
    sizes = [4, *rng.integers(2, 9, size=rng.integers(1, 4)), 3]  # 1 to 3 hidden layers
    network = lessonlib.random_network(sizes, rng, activation=activations[number % 3])
    inputs, labels = rng.normal(size=(40, 4)), rng.integers(0, 3, size=40)
    loss = lessonlib.softmax_cross_entropy
    _, gradients = lessonlib.loss_and_gradients(network, inputs, labels, loss)
    assert min(lessonlib.slope_sizes(gradients)) > 1e-6, "a layer without slopes: reseed"
    check_slope_sizes(network, inputs, labels, f"random network {number}, layers {sizes}")
print("Exercise 3 passed: layer_slope_sizes agrees with lessonlib.slope_sizes.")

# %% [markdown]
# Layer 1's slopes, 1.9e-05, are over a thousand times smaller than the
# output layer's, 3.2e-02, as in the lesson.
#
# ## Exercise 4: early stopping by hand
#
# `lessonlib.train(..., patience=p)`, as the lesson *Validation and early
# stopping* uses it, measures the validation loss after each epoch. An epoch
# whose loss is lower than every earlier one becomes the best epoch. Training
# stops after the first epoch that comes p epochs after the best one without a
# new best, or after the last epoch; the network it keeps is the best epoch's.
# Write `early_stopping(validation_losses, patience)`: given the validation
# loss after each epoch of a whole run, return two epoch numbers, counted from
# 1: the epoch after which training stops, and the best epoch up to then.
#
# For example, with the losses `[0.9, 0.6, 0.5, 0.55, 0.52, 0.51, 0.45, 0.47]`
# and patience 3, epoch 3 is the best, epochs 4 to 6 bring nothing lower, and
# training stops after epoch 6, keeping epoch 3. It never sees the lower loss
# of epoch 7: that is the price of patience 3.


# %% tags=["exercise"]
def early_stopping(validation_losses, patience):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write early_stopping")


# %%
def check_early_stopping(losses, patience, expected, name):
    """Run your early_stopping on validation losses; fail unless it stops as expected."""
    hint = (
        "Keep the lowest loss so far and its epoch, counted from 1; a loss equal to it is no "
        "improvement. Stop at the first epoch that is patience epochs after the best, or at "
        "the end."
    )
    got = call(early_stopping, losses, patience, hint=hint)
    assert agrees(got, expected), (
        f"early_stopping gave {got} for {name} with patience {patience}; expected "
        f"(stop, best) = {expected}. {hint}"
    )


worked = [0.9, 0.6, 0.5, 0.55, 0.52, 0.51, 0.45, 0.47]
for patience, expected in ((3, (6, 3)), (4, (8, 7)), (1, (4, 3))):
    check_early_stopping(worked, patience, expected, f"the losses {worked}")
for losses, patience, expected in [
    ([0.5, 0.4, 0.4, 0.4, 0.3], 2, (4, 2)),  # an equal loss is no improvement
    ([0.5, 0.4, 0.3, 0.2], 2, (4, 4)),  # never stops early
    ([0.5, 0.3, 0.4, 0.35, 0.36, 0.34], 2, (4, 2)),  # counted from the best, not the last
]:
    check_early_stopping(losses, patience, expected, f"the losses {losses}")
print("the worked example, patience 3: (stop, best) =", early_stopping(worked, 3))

data_rng = np.random.default_rng(5)
points = data_rng.normal(size=(400, 2))  # (400 rows, 2 inputs)
point_labels = (points[:, 0] * points[:, 1] > 0).astype(int)  # class 1 in two quadrants
point_labels = np.where(data_rng.uniform(size=400) < 0.15, 1 - point_labels, point_labels)
settings = {
    "loss": lessonlib.softmax_cross_entropy,
    "learning_rate": 0.5,
    "batch_size": 20,
    "epochs": 30,
    "validation": (points[200:], point_labels[200:]),  # (200 rows, 2 inputs), (200,)
    "progress": False,
}
runs = []  # lessonlib.train's own answer for 4 networks and 3 patiences
for seed in range(4):
    start = lessonlib.random_network([2, 16, 16, 2], np.random.default_rng(100 + seed))
    whole = lessonlib.train(
        start, points[:200], point_labels[:200], rng=np.random.default_rng(seed), **settings
    )
    for patience in (1, 2, 4):
        stopped = lessonlib.train(
            start,
            points[:200],
            point_labels[:200],
            rng=np.random.default_rng(seed),
            patience=patience,
            **settings,
        )
        runs.append(
            (whole.validation_losses, patience, (len(stopped.train_losses), stopped.epoch_kept))
        )
assert len({answer for *_, answer in runs}) > 6, "need many different stops: reseed"
assert all(stop < 30 for *_, (stop, _) in runs), "every run should stop early: reseed"
assert len({best for *_, (_, best) in runs}) > 3, "need many different best epochs: reseed"
for number, (losses, patience, answer) in enumerate(runs):
    check_early_stopping(losses, patience, answer, f"training run {number}")
print("Exercise 4 passed: early_stopping stops where lessonlib.train stops, on 12 runs.")

# %% [markdown]
# ## Put it together: chapter 3's network
#
# Train chapter 3's digits network for 30 epochs, watching its validation
# loss, then look at it with your functions: where early stopping with
# patience 5 would have stopped, how many of its nodes are dead, and how
# large its slopes are.

# %%
(training, validation, test), network, rng = digits_start(pixels, digit_labels, [64, 64, 32, 10])
result = lessonlib.train(
    network,
    *training,
    loss=lessonlib.softmax_cross_entropy,
    learning_rate=0.2,
    batch_size=16,
    epochs=30,
    rng=rng,
    validation=validation,
    progress=False,
)
stop, best = early_stopping(result.validation_losses, 5)
print(f"with patience 5: stop after epoch {stop}, keep epoch {best}")
print(
    f"validation loss at epoch {best}: {result.validation_losses[best - 1]:.4f},"
    f" at epoch 30: {result.validation_losses[-1]:.4f}"
)
print("dead nodes after 30 epochs, layers 1 and 2:", dead_nodes(result.network, training[0]))
sizes = layer_slope_sizes(result.network, *training)
print("slope sizes after 30 epochs:", " ".join(f"{size:.1e}" for size in sizes))

# %% [markdown]
# Early stopping would have kept the network of epoch 15, whose validation
# loss, 0.1529, is lower than the 0.1686 of epoch 30: the later epochs fit the
# training rows better and the validation rows worse. Training left 4 of
# layer 1's 64 nodes dead and 1 of layer 2's 32, a few and not a crisis. The
# slopes, between 6.9e-05 and 1.5e-04, are small in every layer: the network
# fits its training rows almost perfectly, so their loss has little slope
# left to follow.
#
# ## Try next
#
# - The fastest learning rate of the one-node model is half the largest
#   stable one. What is it for the input [2, 0, 1]?
#   <details><summary>Answer</summary>Here x · x is 5, so the largest stable
#   rate is 0.2 and the fastest 0.1 (printed by the last cell).</details>
# - Start chapter 3's network badly, as in the lesson *Dead ReLU nodes*, and
#   train it with `lessonlib.leaky_relu` as the activation: the lesson does
#   this, and shows the loss set off after ten epochs.
# - Early stopping with more patience: where does training stop with patience
#   10?
#   <details><summary>Answer</summary>Five more epochs: it stops after epoch
#   25 and keeps the same best epoch, 15 (printed by the last cell).</details>
# - Go further: Michael Nielsen's *Neural Networks and Deep Learning*
#   (its chapter 3, on improving the way networks learn) and *Dive into Deep
#   Learning* (its chapters on multilayer perceptrons and optimisation) take
#   these ideas on to larger networks.

# %%
# The numbers in the answers above.
row = np.array([2, 0, 1])
print(
    f"x . x = {row @ row}: largest stable rate {largest_stable_rate(row):.1f},"
    f" fastest {largest_stable_rate(row) / 2:.1f}"
)
print("patience 10: (stop, best) =", early_stopping(result.validation_losses, 10))


# %% [markdown] tags=["solution"]
# ## Reference solutions
#
# One reference solution for each exercise, in order, each folded away. Open
# one once you have tried its exercise. Running a cell here replaces your
# function of the same name with the reference one.

# %% [markdown] tags=["solution"]
# ### Exercise 1: the largest stable learning rate


# %% tags=["solution"] jupyter={"source_hidden": true}
def largest_stable_rate(input_data):
    return 1 / (input_data @ input_data)  # 1 - 2η(x · x) = -1


# %% [markdown] tags=["solution"]
# ### Exercise 2: count the dead nodes


# %% tags=["solution"] jupyter={"source_hidden": true}
def dead_nodes(network, inputs):
    hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
    return [int((sums <= 0).all(axis=0).sum()) for sums in hidden_sums]


# %% [markdown] tags=["solution"]
# ### Exercise 3: the size of each layer's slopes


# %% tags=["solution"] jupyter={"source_hidden": true}
def layer_slope_sizes(network, inputs, labels):
    _, gradients = lessonlib.loss_and_gradients(
        network, inputs, labels, lessonlib.softmax_cross_entropy
    )
    return [np.sqrt(np.mean(slopes**2)) for slopes in gradients.weights]


# %% [markdown] tags=["solution"]
# ### Exercise 4: early stopping by hand


# %% tags=["solution"] jupyter={"source_hidden": true}
def early_stopping(validation_losses, patience):
    best_epoch, best_loss = 0, np.inf
    for epoch, loss in enumerate(validation_losses, start=1):
        if loss < best_loss:
            best_epoch, best_loss = epoch, loss
        elif epoch - best_epoch >= patience:
            return epoch, best_epoch
    return len(validation_losses), best_epoch
