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
# Every check compares your functions with `lessonlib`'s, which are reached
# through the module name, as `lessonlib.relu` and so on. Your own functions
# use the plain names.

# %%
import numpy as np

import lessonlib

# %% [markdown]
# ## Exercise 1: compute one node's value
#
# A node multiplies each value coming into it by the weight on its edge and
# adds up the products. Write `node_value(input_data, node_weights)`, which
# takes two equally long 1-D numpy arrays and returns that weighted sum.
#
# <details><summary>Solution</summary>
#
# ```python
# def node_value(input_data, node_weights):
#     return (input_data * node_weights).sum()
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def node_value(input_data, node_weights):
    return (input_data * node_weights).sum()


# %% tags=["exercise"]
def node_value(input_data, node_weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write node_value")


# %%
input_data = np.array([2, 3])
print(node_value(input_data, np.array([1, 1])), node_value(input_data, np.array([-1, 1])))

rng = np.random.default_rng(1)
for _ in range(20):
    values, node_weights = rng.integers(-9, 10, size=(2, 4))
    assert node_value(values, node_weights) == lessonlib.weighted_sum(values, node_weights), (
        f"node_value({values}, {node_weights}) should be "
        f"{lessonlib.weighted_sum(values, node_weights)}"
    )
print("Exercise 1 passed: node_value agrees with lessonlib.weighted_sum on 20 random nodes.")

# %% [markdown]
# The two hidden nodes of the lesson's network receive 5 and 1.
#
# ## Exercise 2: write ReLU
#
# ReLU keeps a positive number and turns a negative one into 0. Write
# `relu(input)` for one number.
#
# <details><summary>Solution</summary>
#
# ```python
# def relu(input):
#     return max(input, 0)
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def relu(input):
    return max(input, 0)


# %% tags=["exercise"]
def relu(input):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write relu")


# %%
numbers = [-4, -0.5, 0, 0.5, 3]
print([relu(number) for number in numbers])

for number in numbers:
    assert relu(number) == lessonlib.relu(number), (
        f"relu({number}) should be {lessonlib.relu(number)}, got {relu(number)}"
    )
print("Exercise 2 passed: relu agrees with lessonlib.relu.")

# %% [markdown]
# ## Exercise 3: write predict_with_network yourself
#
# The network has one hidden layer with two nodes, `node_0` and `node_1`, and
# an output node. Apply ReLU at both hidden nodes and at the output node too,
# as the lesson's network does. Write
# `predict_with_network(input_data_row, weights)`, where `weights` is a dict
# like the one below, and return the prediction as a number. Use your
# `node_value` and `relu`.
#
# <details><summary>Solution</summary>
#
# ```python
# def predict_with_network(input_data_row, weights):
#     node_0_output = relu(node_value(input_data_row, weights["node_0"]))
#     node_1_output = relu(node_value(input_data_row, weights["node_1"]))
#     hidden_layer_outputs = np.array([node_0_output, node_1_output])
#     return relu(node_value(hidden_layer_outputs, weights["output"]))
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def predict_with_network(input_data_row, weights):
    node_0_output = relu(node_value(input_data_row, weights["node_0"]))
    node_1_output = relu(node_value(input_data_row, weights["node_1"]))
    hidden_layer_outputs = np.array([node_0_output, node_1_output])
    return relu(node_value(hidden_layer_outputs, weights["output"]))


# %% tags=["exercise"]
def predict_with_network(input_data_row, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write predict_with_network")


# %%
input_data = np.array([[3, 5], [2, -1], [0, 0], [8, 4]])
weights = {
    "node_0": np.array([3, 3]),
    "node_1": np.array([1, 5]),
    "output": np.array([2, -1]),
}
print([int(predict_with_network(row, weights)) for row in input_data])

rng = np.random.default_rng(3)
for _ in range(50):
    row = rng.normal(size=2)
    random_weights = {name: rng.normal(size=2) for name in ("node_0", "node_1", "output")}
    expected = lessonlib.predict_with_network(row, random_weights)
    assert np.isclose(predict_with_network(row, random_weights), expected), (
        f"predict_with_network({row}, {random_weights}) should be {expected}"
    )
print("Exercise 3 passed: predict_with_network agrees with lessonlib on 50 random networks.")

# %% [markdown]
# These are the predictions of the lesson on many rows of data: 20, 6, 0 and 44.
#
# ## Exercise 4: predict every row at once
#
# Stack each layer's weights into a matrix with one row per node. Then one
# matrix product computes every node for every row of `input_data`, a 2-D
# array of shape (n_rows, 2). Write `predict_all_rows(input_data, weights)`,
# with ReLU at every node as before, that returns one prediction per row and
# uses no Python loop. `np.maximum(values, 0)` applies ReLU to a whole array.
#
# <details><summary>Solution</summary>
#
# ```python
# def predict_all_rows(input_data, weights):
#     hidden_weights = np.array([weights["node_0"], weights["node_1"]])  # (2, n_inputs)
#     hidden_outputs = np.maximum(input_data @ hidden_weights.T, 0)  # (n_rows, 2)
#     return np.maximum(hidden_outputs @ weights["output"], 0)  # (n_rows,)
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def predict_all_rows(input_data, weights):
    hidden_weights = np.array([weights["node_0"], weights["node_1"]])  # (2, n_inputs)
    hidden_outputs = np.maximum(input_data @ hidden_weights.T, 0)  # (n_rows, 2)
    return np.maximum(hidden_outputs @ weights["output"], 0)  # (n_rows,)


# %% tags=["exercise"]
def predict_all_rows(input_data, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write predict_all_rows")


# %%
input_data = np.array([[3, 5], [2, -1], [0, 0], [8, 4]])
weights = {"node_0": np.array([3, 3]), "node_1": np.array([1, 5]), "output": np.array([2, -1])}
print(predict_all_rows(input_data, weights))

rng = np.random.default_rng(4)
many_rows = rng.normal(size=(1000, 2))
random_weights = {name: rng.normal(size=2) for name in ("node_0", "node_1", "output")}
predictions = np.asarray(predict_all_rows(many_rows, random_weights))
assert predictions.shape == (1000,), f"expected 1000 predictions, got shape {predictions.shape}"
np.testing.assert_allclose(
    predictions,
    lessonlib.predict_batch(many_rows, random_weights),
    err_msg="predict_all_rows does not agree with lessonlib.predict_batch",
)
print("Exercise 4 passed: predict_all_rows agrees with lessonlib.predict_batch on 1000 rows.")

# %% [markdown]
# ## Exercise 5: two hidden layers
#
# Now the network has two hidden layers of two nodes each, named
# `node_<layer>_<index>` as in the lesson on multi-layer networks. ReLU acts
# at every hidden node, but the output node is a plain weighted sum. Write
# `predict_with_network2(input_data_row, weights)` for one row.
#
# <details><summary>Solution</summary>
#
# ```python
# def predict_with_network2(input_data_row, weights):
#     node_0_0_output = relu(node_value(input_data_row, weights["node_0_0"]))
#     node_0_1_output = relu(node_value(input_data_row, weights["node_0_1"]))
#     layer_0_outputs = np.array([node_0_0_output, node_0_1_output])
#     node_1_0_output = relu(node_value(layer_0_outputs, weights["node_1_0"]))
#     node_1_1_output = relu(node_value(layer_0_outputs, weights["node_1_1"]))
#     layer_1_outputs = np.array([node_1_0_output, node_1_1_output])
#     return node_value(layer_1_outputs, weights["output"])
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def predict_with_network2(input_data_row, weights):
    node_0_0_output = relu(node_value(input_data_row, weights["node_0_0"]))
    node_0_1_output = relu(node_value(input_data_row, weights["node_0_1"]))
    layer_0_outputs = np.array([node_0_0_output, node_0_1_output])
    node_1_0_output = relu(node_value(layer_0_outputs, weights["node_1_0"]))
    node_1_1_output = relu(node_value(layer_0_outputs, weights["node_1_1"]))
    layer_1_outputs = np.array([node_1_0_output, node_1_1_output])
    return node_value(layer_1_outputs, weights["output"])


# %% tags=["exercise"]
def predict_with_network2(input_data_row, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 5: write predict_with_network2")


# %%
weights = {
    "node_0_0": np.array([2, 4]),
    "node_0_1": np.array([4, -5]),
    "node_1_0": np.array([-1, 1]),
    "node_1_1": np.array([2, 2]),
    "output": np.array([-3, 7]),
}
print(predict_with_network2(np.array([3, 5]), weights))

rng = np.random.default_rng(5)
names = ["node_0_0", "node_0_1", "node_1_0", "node_1_1", "output"]
for _ in range(50):
    row = rng.normal(size=2)
    random_weights = {name: rng.normal(size=2) for name in names}
    expected = lessonlib.predict_with_network2(row, random_weights)
    assert np.isclose(predict_with_network2(row, random_weights), expected), (
        f"predict_with_network2({row}, {random_weights}) should be {expected}"
    )
print("Exercise 5 passed: predict_with_network2 agrees with lessonlib on 50 random networks.")

# %% [markdown]
# The lesson's two-layer network predicts 364 for the row `[3, 5]`.
#
# ## Try next
#
# - Give `predict_with_network` an `activation` argument, so that it can use
#   `np.tanh` instead of ReLU, and compare it with `lessonlib.network_values`.
# - Extend `predict_all_rows` to any number of hidden layers, with one weight
#   matrix per layer.
# - Continue with chapter 2, which starts with *How weights change accuracy*.
