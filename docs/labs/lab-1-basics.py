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
# # Lab 1: forward propagation
#
# **What you'll practise**
#
# - Computing one node's value as a weighted sum.
# - Writing ReLU and a one-hidden-layer ReLU network yourself.
# - Predicting every row of a table at once with matrix products.
# - Running a network with two hidden layers.
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
# The letters follow the site's notation page: an input row is x, a weight w,
# a node's weighted sum z and a prediction ŷ. The checks compare your
# functions with `lessonlib`'s, reached through the module name, as
# `lessonlib.relu`; your own functions use the plain names. `call`, from
# `lessonlib.lab_checks`, runs your function the way every check does: on
# copies of the check's data, failing in words if your function raises or
# changes them. `agrees` compares what it gave with what the check expected.

# %%
import numpy as np

import lessonlib
from lessonlib.lab_checks import agrees, call

# The lessons' examples, which the checks try first. The lesson on many rows
# predicts its four rows; the fifth, [-1, 2], has a negative output sum.
lesson_rows = np.array([[3, 5], [2, -1], [0, 0], [8, 4], [-1, 2]])  # (5 rows, 2 inputs)
lesson_weights = dict(
    zip(["node_0", "node_1", "output"], np.array([[3, 3], [1, 5], [2, -1]]), strict=True)
)
two_layer_weights = dict(  # the lesson on multi-layer networks, one row of weights per node
    zip(
        ["node_0_0", "node_0_1", "node_1_0", "node_1_1", "output"],
        np.array([[2, 4], [4, -5], [-1, 1], [2, 2], [-3, 7]]),
        strict=True,
    )
)

# %% [markdown]
# ## Exercise 1: compute one node's value
#
# A node multiplies each value coming into it by the weight on its arrow and
# adds up the products: z = w₀x₀ + w₁x₁ + …. Write
# `node_value(input_data, node_weights)`, which takes two equally long 1-D
# numpy arrays and returns that weighted sum as one number.


# %% tags=["exercise"]
def node_value(input_data, node_weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write node_value")


# %%
hint = "node_value must return one number: multiply the arrays entry by entry, then add up."

x = np.array([2, 3])  # the input row of the lesson on forward propagation
for node_weights in (np.array([1, 1]), np.array([-1, 1])):
    expected = lessonlib.weighted_sum(x, node_weights)
    got = call(node_value, x, node_weights, hint=hint)
    print(f"node_value({x}, {node_weights}) = {got}")
    assert agrees(got, expected), (
        f"node_value gave {got} for the lesson's row {x} and weights {node_weights}; "
        f"the lesson's node receives {expected}. {hint}"
    )

rng = np.random.default_rng(1)
cases = []  # 20 random nodes with 1 to 6 inputs, and their weighted sums
for n_inputs in rng.integers(1, 7, size=20):
    values, weights = rng.integers(-9, 10, size=(2, n_inputs))
    cases.append((values, weights, lessonlib.weighted_sum(values, weights)))
assert sum(expected != 0 for *_, expected in cases) >= 15, "too many sums are 0: pick another seed"
for values, weights, expected in cases:
    got = call(node_value, values, weights, hint=hint)
    assert agrees(got, expected), (
        f"node_value gave {got} for {values} and weights {weights}; expected {expected}. {hint}"
    )
print("Exercise 1 passed: node_value agrees with lessonlib.weighted_sum on 20 random nodes.")

# %% [markdown]
# The two hidden nodes of the lesson's network receive 5 and 1.
#
# ## Exercise 2: write ReLU
#
# ReLU keeps a positive number and turns a negative one into 0. Write
# `relu(x)` for one number x.


# %% tags=["exercise"]
def relu(x):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write relu")


# %%
hint = "relu takes one number x and returns x if it is positive, else 0."

numbers = [-4, -0.5, 0, 0.5, 3]
relu_values = [call(relu, number, hint=hint) for number in numbers]
print(relu_values)
for number, got in zip(numbers, relu_values, strict=True):
    expected = lessonlib.relu(number)
    assert agrees(got, expected), f"relu({number}) gave {got}; expected {expected}. {hint}"
print("Exercise 2 passed: relu agrees with lessonlib.relu.")

# %% [markdown]
# ## Exercise 3: write predict_with_network yourself
#
# The network of the lesson on many rows has one hidden layer with two nodes,
# `node_0` and `node_1`, and an output node. ReLU acts at both hidden nodes
# and at the output node too, so a prediction is never negative. Write
# `predict_with_network(input_data_row, weights)`, where `weights` is a dict
# like `lesson_weights` in the set-up cell, for a row with any number of
# inputs. Return the prediction ŷ as one number. You can build it from your
# `node_value` and `relu`.


# %% tags=["exercise"]
def predict_with_network(input_data_row, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write predict_with_network")


# %%
hint = "Apply ReLU at both hidden nodes and at the output; use the weights argument, not a global."

expected = np.array([lessonlib.predict_with_network(row, lesson_weights) for row in lesson_rows])
got = np.array([call(predict_with_network, row, lesson_weights, hint=hint) for row in lesson_rows])
print(got)
assert agrees(got, expected), (
    f"predict_with_network gave {got} for the lesson's rows; "
    f"the lesson's network predicts {expected}. {hint}"
)

rng = np.random.default_rng(4)
cases = []  # 50 random networks with 3 inputs, one row each, and their predictions
for row in rng.integers(-5, 6, size=(50, 3)):
    sizes = {"node_0": 3, "node_1": 3, "output": 2}
    network = {node: rng.integers(-5, 6, size) for node, size in sizes.items()}
    cases.append((row, network, lessonlib.predict_with_network(row, network)))
n_nonzero = sum(expected != 0 for *_, expected in cases)
assert 50 / 3 <= n_nonzero <= 45, "need many 0 and many other answers: pick another seed"
for row, network, expected in cases:
    got = call(predict_with_network, row, network, hint=hint)
    assert agrees(got, expected), (
        f"predict_with_network gave {got} for the row {row} and the weights {network}; "
        f"expected {expected}. {hint}"
    )
print("Exercise 3 passed: predict_with_network agrees with lessonlib on 50 random networks.")

# %% [markdown]
# These are the lesson's predictions for its four rows, 20, 6, 0 and 44, and 0
# for the fifth row, whose output sum ReLU turns into 0.
#
# ## Exercise 4: predict every row at once
#
# Stack the hidden nodes' weights into a matrix W with one row per node, as the
# notation page does: row j holds the weights into node j, so W has shape
# (2, n_inputs). `input_data` holds one row per data point, shape
# (n_rows, n_inputs). Then `input_data @ W.T` computes every hidden node for
# every row, shape (n_rows, 2): the transpose `.T` turns W's rows into
# columns, so entry (r, j) is row r times the weights of node j. Write
# `predict_all_rows(input_data, weights)`, with ReLU at every node as before,
# for any number of inputs; return a 1-D array with one prediction per row.
# You can do it without a Python loop: `np.maximum(values, 0)` applies ReLU to
# a whole array.


# %% tags=["exercise"]
def predict_all_rows(input_data, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write predict_all_rows")


# %%
hint = (
    "With W holding one row per hidden node, the hidden sums are input_data @ W.T "
    "(did you forget the transpose?); apply ReLU at the hidden nodes and at the output."
)

expected = lessonlib.predict_batch(lesson_rows, lesson_weights, lessonlib.relu, lessonlib.relu)
got = call(predict_all_rows, lesson_rows, lesson_weights, hint=hint)
print(got)
assert agrees(got, expected), (
    f"predict_all_rows gave {got} for the lesson's rows; "
    f"the lesson's network predicts {expected}. {hint}"
)

rng = np.random.default_rng(9)
cases = []  # 10 random networks with 3 inputs, 20 rows each, and their predictions
for _ in range(10):
    rows = rng.integers(-5, 6, size=(20, 3))
    sizes = {"node_0": 3, "node_1": 3, "output": 2}
    network = {node: rng.normal(size=size).round(2) for node, size in sizes.items()}
    expected = lessonlib.predict_batch(rows, network, lessonlib.relu, lessonlib.relu)
    cases.append((rows, network, expected))
n_nonzero = sum(np.count_nonzero(expected) for *_, expected in cases)
assert 200 / 3 <= n_nonzero <= 180, "need many 0 and many other answers: pick another seed"
for rows, network, expected in cases:
    got = call(predict_all_rows, rows, network, hint=hint)
    assert agrees(got, expected), (
        f"predict_all_rows gave {got} for the rows {rows.tolist()} and the weights {network}; "
        f"expected {expected}. {hint}"
    )
print("Exercise 4 passed: predict_all_rows agrees with lessonlib.predict_batch on 200 rows.")

# %% [markdown]
# ## Exercise 5: two hidden layers
#
# Now the network has two hidden layers of two nodes each, named
# `node_<layer>_<index>` as in the lesson on multi-layer networks. That name
# counts hidden layers from 0, while the notation page counts them from 1:
# `node_0_1` is node 1 of layer 1. ReLU acts at every hidden node, but the
# output node is a plain weighted sum. Write
# `predict_with_network2(input_data_row, weights)`, where `weights` is a dict
# like `two_layer_weights` in the set-up cell, for a row with any number of
# inputs. Return ŷ as one number.


# %% tags=["exercise"]
def predict_with_network2(input_data_row, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 5: write predict_with_network2")


# %%
hint = (
    "Feed the row to node_0_0 and node_0_1, their ReLU outputs to node_1_0 and node_1_1, "
    "and those ReLU outputs to the output node, which has no ReLU. Use the weights argument."
)

x = np.array([3, 5])
expected = lessonlib.predict_with_network2(x, two_layer_weights)
got = call(predict_with_network2, x, two_layer_weights, hint=hint)
print(got)
assert agrees(got, expected), (
    f"predict_with_network2 gave {got} for the lesson's row {x}; "
    f"the lesson's network predicts {expected}. {hint}"
)

rng = np.random.default_rng(6)
cases = []  # 50 random networks with 3 inputs, one row each, and their predictions
for row in rng.integers(-5, 6, size=(50, 3)):
    sizes = {"node_0_0": 3, "node_0_1": 3, "node_1_0": 2, "node_1_1": 2, "output": 2}
    network = {node: rng.normal(size=size).round(2) for node, size in sizes.items()}
    cases.append((row, network, lessonlib.predict_with_network2(row, network)))
signs = {np.sign(expected) for *_, expected in cases}
assert signs == {-1, 0, 1}, "need predictions below, at and above 0: pick another seed"
for row, network, expected in cases:
    got = call(predict_with_network2, row, network, hint=hint)
    assert agrees(got, expected), (
        f"predict_with_network2 gave {got} for the row {row} and the weights {network}; "
        f"expected {expected}. {hint}"
    )
print("Exercise 5 passed: predict_with_network2 agrees with lessonlib on 50 random networks.")

# %% [markdown]
# The lesson's two-layer network predicts 364 for the row `[3, 5]`.
#
# ## Try next
#
# - Give `predict_with_network` an `activation` argument, so that it can use
#   `np.tanh` instead of ReLU at every node, and compare it with
#   `lessonlib.network_values(row, weights, lessonlib.tanh, lessonlib.tanh).output`.
#   <details><summary>Answer</summary>For the lesson's four rows, tanh at
#   every node predicts 0.761594, 0.994906, 0.0 and 0.761594 (printed by the
#   last cell).</details>
# - Extend `predict_all_rows` to any number of hidden layers, with one weight
#   matrix per layer; `lessonlib.weight_matrices(weights, n_inputs)` stacks
#   them. Compare it with exercise 5's `predict_with_network2`.
#   <details><summary>Answer</summary>With ReLU at the hidden layers and none
#   at the output, the lesson's two-layer network predicts [364] for the rows
#   <code>[[3, 5]]</code>, the same as <code>predict_with_network2</code> (printed by the last
#   cell).</details>
# - Continue with chapter 2, which starts with *How weights change accuracy*.

# %%
# The numbers in the answers above.
tanh_predictions = [
    lessonlib.network_values(row, lesson_weights, lessonlib.tanh, lessonlib.tanh).output
    for row in lesson_rows[:4]
]
print("tanh at every node:", [round(value, 6) for value in tanh_predictions])
print(
    "two hidden layers, all rows at once:",
    lessonlib.predict_batch([[3, 5]], two_layer_weights, lessonlib.relu),
)


# %% [markdown] tags=["solution"]
# ## Reference solutions
#
# One reference solution for each exercise, in order, each folded away. Open
# one once you have tried its exercise. Running a cell here replaces your
# function of the same name with the reference one.

# %% [markdown] tags=["solution"]
# ### Exercise 1: compute one node's value


# %% tags=["solution"] jupyter={"source_hidden": true}
def node_value(input_data, node_weights):
    return (input_data * node_weights).sum()  # one product per input, then their sum


# %% [markdown] tags=["solution"]
# ### Exercise 2: write ReLU


# %% tags=["solution"] jupyter={"source_hidden": true}
def relu(x):
    return x if x > 0 else 0


# %% [markdown] tags=["solution"]
# ### Exercise 3: write predict_with_network yourself


# %% tags=["solution"] jupyter={"source_hidden": true}
def predict_with_network(input_data_row, weights):
    hidden_outputs = np.array(
        [relu(node_value(input_data_row, weights[node])) for node in ("node_0", "node_1")]
    )
    return relu(node_value(hidden_outputs, weights["output"]))


# %% [markdown] tags=["solution"]
# ### Exercise 4: predict every row at once


# %% tags=["solution"] jupyter={"source_hidden": true}
def predict_all_rows(input_data, weights):
    hidden_weights = np.array([weights["node_0"], weights["node_1"]])  # (2, n_inputs)
    hidden_outputs = np.maximum(input_data @ hidden_weights.T, 0)  # (n_rows, 2)
    return np.maximum(hidden_outputs @ weights["output"], 0)  # (n_rows,)


# %% [markdown] tags=["solution"]
# ### Exercise 5: two hidden layers


# %% tags=["solution"] jupyter={"source_hidden": true}
def predict_with_network2(input_data_row, weights):
    values = input_data_row  # what flows into the first hidden layer
    for layer in (0, 1):
        nodes = [f"node_{layer}_{index}" for index in (0, 1)]
        values = np.array([relu(node_value(values, weights[node])) for node in nodes])
    return node_value(values, weights["output"])  # no ReLU at the output
