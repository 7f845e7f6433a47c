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
# # Lab 2: gradient descent
#
# **What you'll practise**
#
# - Measuring the error of a prediction, one point at a time and over many.
# - Working out the slope of the squared error for every weight.
# - Taking one gradient-descent step, then many.
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
# The model of this chapter has no hidden layer: its prediction for one data
# point is the weighted sum of the inputs, `(input_data * weights).sum()`.
# Every check compares your functions with `lessonlib`'s, reached through the
# module name, as in `lessonlib.get_slope`.

# %%
import numpy as np

import lessonlib

# %% [markdown]
# ## Exercise 1: measure the error
#
# The error is the prediction minus the target: positive when the model
# predicts too much. Write `get_error(input_data, target, weights)` for one
# data point, where `input_data` and `weights` are 1-D arrays of the same
# length and `target` is a number.
#
# <details><summary>Solution</summary>
#
# ```python
# def get_error(input_data, target, weights):
#     preds = (input_data * weights).sum()
#     return preds - target
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def get_error(input_data, target, weights):
    preds = (input_data * weights).sum()
    return preds - target


# %% tags=["exercise"]
def get_error(input_data, target, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write get_error")


# %%
print(get_error(np.array([1, 2, 3]), 0, np.array([0, 2, 1])))

rng = np.random.default_rng(1)
for _ in range(50):
    input_data, weights = rng.normal(size=(2, 3))
    target = rng.normal()
    expected = lessonlib.get_error(input_data, target, weights)
    assert np.isclose(get_error(input_data, target, weights), expected), (
        f"get_error({input_data}, {target}, {weights}) should be {expected}"
    )
print("Exercise 1 passed: get_error agrees with lessonlib on 50 random points.")

# %% [markdown]
# The lesson's point has prediction 7 and target 0, so its error is 7.
#
# ## Exercise 2: the mean squared error
#
# With many points there are many errors. Square each one and take the mean.
# Write `mean_squared_error(targets, predictions)` for two equally long lists
# or arrays of numbers.
#
# <details><summary>Solution</summary>
#
# ```python
# def mean_squared_error(targets, predictions):
#     errors = np.asarray(predictions) - np.asarray(targets)
#     return (errors**2).mean()
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def mean_squared_error(targets, predictions):
    errors = np.asarray(predictions) - np.asarray(targets)
    return (errors**2).mean()


# %% tags=["exercise"]
def mean_squared_error(targets, predictions):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write mean_squared_error")


# %%
print(mean_squared_error([1, 3, 5, 7], [9, 9, 0, 12]))

rng = np.random.default_rng(2)
for n_points in range(1, 30):
    targets, predictions = rng.normal(size=(2, n_points))
    expected = lessonlib.mean_squared_error(targets, predictions)
    assert np.isclose(mean_squared_error(targets, predictions), expected), (
        f"mean_squared_error({targets}, {predictions}) should be {expected}"
    )
print("Exercise 2 passed: mean_squared_error agrees with lessonlib for 1 to 29 points.")

# %% [markdown]
# The lesson's first set of weights misses by 8, 6, -5 and 5: a mean squared
# error of 37.5.
#
# ## Exercise 3: the slope for every weight
#
# For one point, the squared error is `(prediction - target) ** 2`, and its
# slope with respect to each weight is `2 * input * error`: one number per
# weight. Write `get_slope(input_data, target, weights)`.
#
# The check also nudges each weight a tiny step up and down and measures how
# the squared error changes, a central finite difference: a slope that is right
# agrees with it.
#
# <details><summary>Solution</summary>
#
# ```python
# def get_slope(input_data, target, weights):
#     error = get_error(input_data, target, weights)
#     return 2 * input_data * error
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def get_slope(input_data, target, weights):
    error = get_error(input_data, target, weights)
    return 2 * input_data * error


# %% tags=["exercise"]
def get_slope(input_data, target, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write get_slope")


# %%
print(get_slope(np.array([1, 2, 3]), 0, np.array([0, 2, 1])))


def squared_error(input_data, target, weights):
    return ((input_data * weights).sum() - target) ** 2


def finite_difference_slope(input_data, target, weights, step=1e-6):
    """Nudge each weight up and down by `step` and see how the error changes."""
    slope = []
    for i in range(len(weights)):
        nudge = np.zeros(len(weights))
        nudge[i] = step
        up = squared_error(input_data, target, weights + nudge)
        down = squared_error(input_data, target, weights - nudge)
        slope.append((up - down) / (2 * step))
    return np.array(slope)


rng = np.random.default_rng(3)
for _ in range(50):
    input_data, weights = rng.normal(size=(2, 3))
    target = rng.normal()
    slope = np.asarray(get_slope(input_data, target, weights))
    np.testing.assert_allclose(
        slope,
        lessonlib.get_slope(input_data, target, weights),
        err_msg="get_slope does not agree with lessonlib.get_slope",
    )
    estimate = finite_difference_slope(input_data, target, weights)
    np.testing.assert_allclose(slope, estimate, rtol=1e-6, atol=1e-8)
print("Exercise 3 passed: get_slope agrees with lessonlib and with finite differences.")

# %% [markdown]
# Every slope is positive for the lesson's point: increasing any weight would
# make the error worse.
#
# ## Exercise 4: take one step downhill
#
# The slope points uphill, so one gradient-descent step moves each weight the
# other way, by the learning rate times its slope. Write
# `gradient_descent_step(input_data, target, weights, learning_rate)`, which
# returns the new weights.
#
# <details><summary>Solution</summary>
#
# ```python
# def gradient_descent_step(input_data, target, weights, learning_rate):
#     slope = get_slope(input_data, target, weights)
#     return weights - learning_rate * slope
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def gradient_descent_step(input_data, target, weights, learning_rate):
    slope = get_slope(input_data, target, weights)
    return weights - learning_rate * slope


# %% tags=["exercise"]
def gradient_descent_step(input_data, target, weights, learning_rate):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write gradient_descent_step")


# %%
input_data = np.array([1, 2, 3])
weights_updated = gradient_descent_step(input_data, 0, np.array([0, 2, 1]), 0.01)
print(weights_updated, lessonlib.get_error(input_data, 0, weights_updated))

rng = np.random.default_rng(4)
for _ in range(50):
    input_data, weights = rng.normal(size=(2, 3))
    target = rng.normal()
    expected = weights - 0.01 * lessonlib.get_slope(input_data, target, weights)
    np.testing.assert_allclose(
        gradient_descent_step(input_data, target, weights, 0.01),
        expected,
        err_msg="one step should move the weights by -learning_rate * slope",
    )
print("Exercise 4 passed: gradient_descent_step moves against the slope.")

# %% [markdown]
# One step cuts the lesson's error from 7 to 5.04.
#
# ## Exercise 5: make many updates
#
# Repeat the step `n_updates` times. After each update, record the squared
# error of the point, which is its mean squared error. Write
# `gradient_descent(input_data, target, weights, learning_rate, n_updates)`,
# which returns two things: the final weights and the list of errors.
#
# <details><summary>Solution</summary>
#
# ```python
# def gradient_descent(input_data, target, weights, learning_rate, n_updates):
#     mse_history = []
#     for _ in range(n_updates):
#         weights = gradient_descent_step(input_data, target, weights, learning_rate)
#         mse_history.append(get_error(input_data, target, weights) ** 2)
#     return weights, mse_history
# ```
#
# </details>


# %% tags=["solution"] jupyter={"source_hidden": true}
def gradient_descent(input_data, target, weights, learning_rate, n_updates):
    mse_history = []
    for _ in range(n_updates):
        weights = gradient_descent_step(input_data, target, weights, learning_rate)
        mse_history.append(get_error(input_data, target, weights) ** 2)
    return weights, mse_history


# %% tags=["exercise"]
def gradient_descent(input_data, target, weights, learning_rate, n_updates):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 5: write gradient_descent")


# %%
weights, mse_history = gradient_descent(
    np.array([1, 2, 3]), 0, np.array([0, 2, 1]), learning_rate=0.01, n_updates=20
)
print(np.round(weights, 4), round(mse_history[-1], 6))

rng = np.random.default_rng(5)
for _ in range(20):
    input_data, start = rng.normal(size=(2, 3))
    target = rng.normal()
    weights, mse_history = gradient_descent(input_data, target, start, 0.05, 10)
    expected = lessonlib.gradient_descent(input_data, target, start, 0.05, 10)
    np.testing.assert_allclose(weights, expected.weights, err_msg="the final weights differ")
    np.testing.assert_allclose(
        mse_history, expected.mse_history, err_msg="the recorded errors differ"
    )
print("Exercise 5 passed: gradient_descent agrees with lessonlib.gradient_descent.")

# %% [markdown]
# After 20 updates the lesson's error has all but vanished: the mean squared
# error is below 0.0001.
#
# ## Try next
#
# - Run `gradient_descent` with learning rates of 0.001, 0.01 and 0.1 and
#   compare the errors it records. Which rate overshoots?
# - Extend `get_slope` to a batch: a 2-D `input_data` with one row per point
#   and one target per row, averaging the slopes of the points. Compare it with
#   `lessonlib.get_slope`, which accepts batches too.
# - Continue with chapter 3, where the slopes of hidden layers are found by
#   backpropagation.
