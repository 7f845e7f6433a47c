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
# The model of this chapter has no hidden layer: its prediction for one data
# point x is the weighted sum of its inputs, ŷ = w₀x₀ + w₁x₁ + …, in code
# `input_data @ weights`. Its error is e = ŷ - y, the prediction minus the
# target y: positive when the model predicts too much. The letters follow the
# site's notation page. The checks compare your functions with `lessonlib`'s,
# reached through the module name, as `lessonlib.get_slope`. `call`, from
# `lessonlib.lab_checks`, runs your function the way every check does: on
# copies of the check's data, failing in words if your function raises or
# changes them. `agrees` compares what it gave with what the check expected.

# %%
import numpy as np

import lessonlib
from lessonlib.lab_checks import agrees, call

# The data point of the lesson on gradient descent: inputs, target, starting weights.
lesson_point, lesson_target, lesson_weights = np.array([1, 2, 3]), 0, np.array([0, 2, 1])

# %% [markdown]
# ## Exercise 1: measure the error
#
# Write `get_error(input_data, target, weights)` for one data point, where
# `input_data` and `weights` are 1-D arrays of the same length and `target`
# is a number. Return the error e = ŷ - y as one number.


# %% tags=["exercise"]
def get_error(input_data, target, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 1: write get_error")


# %%
hint = "The error is one number: the prediction, input_data @ weights, minus the target."

expected = lessonlib.get_error(lesson_point, lesson_target, lesson_weights)
got = call(get_error, lesson_point, lesson_target, lesson_weights, hint=hint)
print(got)
assert agrees(got, expected), (
    f"get_error gave {got} for the lesson's point; its error is {expected}. {hint}"
)

rng = np.random.default_rng(1)
cases = []  # 50 random points with 3 inputs: inputs, target, weights and the error
for _ in range(50):
    x, w = rng.integers(-5, 6, size=(2, 3))
    y = rng.integers(-10, 11)
    cases.append((x, y, w, lessonlib.get_error(x, y, w)))
assert min(case[-1] for case in cases) < 0 < max(case[-1] for case in cases), "reseed"
for x, y, w, expected in cases:
    got = call(get_error, x, y, w, hint=hint)
    assert agrees(got, expected), (
        f"get_error gave {got} for the inputs {x}, target {y} and weights {w}; "
        f"expected {expected}. {hint}"
    )
print("Exercise 1 passed: get_error agrees with lessonlib on 50 random points.")

# %% [markdown]
# The lesson's point has prediction 7 and target 0, so its error is 7.
#
# ## Exercise 2: the mean squared error
#
# With many points there are many errors. The mean squared error squares each
# one and takes the mean: L = ((ŷ₁ - y₁)² + … + (ŷₙ - yₙ)²) / n. Write
# `mean_squared_error(targets, predictions)`, targets first as in
# scikit-learn, for two equally long lists or 1-D arrays of numbers, and
# return one number. The check passes Python lists, so convert them with
# `np.asarray` first.


# %% tags=["exercise"]
def mean_squared_error(targets, predictions):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 2: write mean_squared_error")


# %%
hint = "Square each error, prediction minus target, and take the mean: one number."

# The four points of the lesson on mean squared error, and its first weights.
mse_rows = np.array([[0, 3], [1, 2], [-1, -2], [4, 0]])
mse_targets = [1, 3, 5, 7]
mse_weights = {"node_0": [2, 1], "node_1": [1, 2], "output": [1, 1]}
mse_predictions = [lessonlib.predict_with_network(row, mse_weights) for row in mse_rows]
expected = lessonlib.mean_squared_error(mse_targets, mse_predictions)
got = call(mean_squared_error, mse_targets, mse_predictions, hint=hint)
print(mse_predictions, got)
assert agrees(got, expected), (
    f"mean_squared_error gave {got} for the lesson's targets {mse_targets} and "
    f"predictions {mse_predictions}; the lesson's mean squared error is {expected}. {hint}"
)

rng = np.random.default_rng(2)
for n_points in range(1, 30):
    targets, predictions = rng.normal(size=(2, n_points)).round(2).tolist()
    expected = lessonlib.mean_squared_error(targets, predictions)
    got = call(mean_squared_error, targets, predictions, hint=hint)
    assert agrees(got, expected), (
        f"mean_squared_error gave {got} for the targets {targets} and the predictions "
        f"{predictions}; expected {expected}. {hint}"
    )
print("Exercise 2 passed: mean_squared_error agrees with lessonlib for 1 to 29 points.")

# %% [markdown]
# The lesson's first set of weights predicts 9, 9, 0 and 12 for the targets 1,
# 3, 5 and 7: a mean squared error of 37.5.
#
# ## Exercise 3: the slope for every weight
#
# For one point the loss is the squared error, L = e² = (ŷ - y)². Its slope
# for weight wₖ is ∂L/∂wₖ = 2 xₖ e: the 2 comes from the square, and xₖ from
# ŷ = w₀x₀ + w₁x₁ + …. Write `get_slope(input_data, target, weights)`, which
# returns one slope per weight, a 1-D array shaped like `weights`.
#
# The check also nudges each weight a tiny step h up and down and measures
# how the loss changes, (L(w + h) - L(w - h)) / 2h, a central finite
# difference: a slope that is right agrees with it.


# %% tags=["exercise"]
def get_slope(input_data, target, weights):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 3: write get_slope")


# %%
hint = "The slope is 2 * error * input_data, one per weight, with error = prediction - target."


def nudged_slopes(input_data, target, weights, step=1e-6):
    """Nudge each weight up and down by `step` and see how the squared error changes."""
    nudges = step * np.eye(len(weights))  # row k nudges weight k only

    def loss(w):
        return (input_data @ w - target) ** 2

    return np.array([(loss(weights + n) - loss(weights - n)) / (2 * step) for n in nudges])


expected = lessonlib.get_slope(lesson_point, lesson_target, lesson_weights)
got = call(get_slope, lesson_point, lesson_target, lesson_weights, hint=hint)
print(got)
assert agrees(got, expected), (
    f"get_slope gave {got} for the lesson's point; its slopes are {expected}. {hint}"
)

rng = np.random.default_rng(3)
for _ in range(50):
    x, w = rng.normal(size=(2, 3)).round(2)
    y = round(rng.normal(), 2)
    expected = lessonlib.get_slope(x, y, w)
    got = call(get_slope, x, y, w, hint=hint)
    assert agrees(got, expected), (
        f"get_slope gave {got} for the inputs {x}, target {y} and weights {w}; "
        f"expected {expected}. {hint}"
    )
    nudged = nudged_slopes(x, y, w)
    assert np.allclose(got, nudged, rtol=1e-6, atol=1e-8), (
        f"get_slope gave {got}, but nudging each weight gives {nudged}. {hint}"
    )
print("Exercise 3 passed: get_slope agrees with lessonlib and with finite differences.")

# %% [markdown]
# Every slope is positive for the lesson's point: increasing any weight would
# make the loss larger.
#
# ## Exercise 4: take one step downhill
#
# The slope points uphill, so one gradient-descent step moves each weight the
# other way, by the learning rate η times its slope: w - η ∂L/∂w. Write
# `gradient_descent_step(input_data, target, weights, learning_rate)`, which
# returns the new weights as a new array and leaves `weights` as it was. The
# check tries several learning rates.


# %% tags=["exercise"]
def gradient_descent_step(input_data, target, weights, learning_rate):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 4: write gradient_descent_step")


# %%
hint = (
    "Return weights - learning_rate * slope, a new array, with the learning_rate given "
    "(weights -= ... would change the caller's weights)."
)

expected = lessonlib.gradient_descent(lesson_point, lesson_target, lesson_weights, 0.01, 1).weights
got = call(gradient_descent_step, lesson_point, lesson_target, lesson_weights, 0.01, hint=hint)
print(got)
assert agrees(got, expected), (
    f"gradient_descent_step gave {got} for the lesson's point with learning rate 0.01; "
    f"one step gives {expected}. {hint}"
)
before = lessonlib.get_error(lesson_point, lesson_target, lesson_weights)
after = lessonlib.get_error(lesson_point, lesson_target, got)
print("error before the step:", before, "after:", round(after, 6))

rng = np.random.default_rng(4)
for _ in range(50):
    x, w = rng.normal(size=(2, 3)).round(2)
    y, learning_rate = round(rng.normal(), 2), round(rng.uniform(0.001, 0.1), 3)
    expected = lessonlib.gradient_descent(x, y, w, learning_rate, n_updates=1).weights
    got = call(gradient_descent_step, x, y, w, learning_rate, hint=hint)
    assert agrees(got, expected), (
        f"gradient_descent_step gave {got} for the inputs {x}, target {y}, weights {w} "
        f"and learning rate {learning_rate}; expected {expected}. {hint}"
    )
print("Exercise 4 passed: gradient_descent_step moves against the slope at 50 learning rates.")

# %% [markdown]
# One step with learning rate 0.01 cuts the lesson's error from 7 to 5.04.
#
# ## Exercise 5: make many updates
#
# Repeat the step `n_updates` times. After each update, record the loss of the
# new weights: the point's squared error e², which for one point is also its
# mean squared error. Write
# `gradient_descent(input_data, target, weights, learning_rate, n_updates)`,
# which returns two things: the final weights, and the list of the
# `n_updates` squared errors in the order they were recorded. Leave the
# starting `weights` as they were.


# %% tags=["exercise"]
def gradient_descent(input_data, target, weights, learning_rate, n_updates):
    # Your code here: replace the next line.
    raise NotImplementedError("exercise 5: write gradient_descent")


# %%
def rounded(values):
    """Numbers rounded to 4 decimals, to show in a message; anything else as it is."""
    try:
        return np.round(np.asarray(values, dtype=float), 4).tolist()
    except (TypeError, ValueError):
        return values


def check_descent(arguments, where):
    """Run your gradient_descent and lessonlib's on the same arguments; fail if they differ."""
    hint = (
        "Keep the weights each step returns, record the squared error after each update, "
        "and return (weights, losses)."
    )
    expected = lessonlib.gradient_descent(*arguments)
    got = call(gradient_descent, *arguments, hint=hint)
    two_things = isinstance(got, tuple | list) and len(got) == 2
    assert two_things, (
        f"gradient_descent returned {got!r} {where}; it must return two things. {hint}"
    )
    weights, losses = got
    assert agrees(losses, expected.mse_history), (
        f"gradient_descent recorded the squared errors {rounded(losses)} {where}; "
        f"expected {rounded(expected.mse_history)}. {hint}"
    )
    assert agrees(weights, expected.weights), (
        f"gradient_descent ended with the weights {rounded(weights)} {where}; "
        f"expected {rounded(expected.weights)}. {hint}"
    )
    return weights, losses


weights, losses = check_descent(
    (lesson_point, lesson_target, lesson_weights, 0.01, 20), "for the lesson's point"
)
print(np.round(weights, 4))
print(f"squared error after 1 update: {losses[0]:.6g}, after 20: {losses[-1]:.4g}")

rng = np.random.default_rng(5)
for _ in range(20):
    x, w = rng.normal(size=(2, 3)).round(2)
    y, learning_rate = round(rng.normal(), 2), round(rng.uniform(0.01, 0.1), 3)
    n_updates = int(rng.integers(2, 12))
    where = f"for the inputs {x}, target {y} and weights {w}, η = {learning_rate}"
    check_descent((x, y, w, learning_rate, n_updates), f"{where}, {n_updates} updates")
print("Exercise 5 passed: gradient_descent agrees with lessonlib.gradient_descent.")

# %% [markdown]
# After 20 updates with learning rate 0.01 the lesson's squared error, 25.4016
# after the first update, is down to 9.627e-05.
#
# ## Try next
#
# - Run `gradient_descent` on the lesson's point with learning rates of 0.001,
#   0.01 and 0.1, and compare the errors it records. Which rate overshoots?
#   <details><summary>Answer</summary>After 20 updates the squared error is
#   15.73 with 0.001 (too slow), 9.627e-05 with 0.01, and 7.963e+11 with 0.1:
#   its first step overshoots, from an error of 7 to -12.6, and every step
#   after that overshoots further (printed by the last cell).</details>
# - Extend `get_slope` to a batch: a 2-D `input_data` with one row per point,
#   one target per row, and the mean of the points' slopes. Compare it with
#   `lessonlib.get_slope`, which accepts batches too.
#   <details><summary>Answer</summary>For the rows
#   <code>[[1, 2, 3], [0, 1, -1], [2, 0, 1]]</code>, targets <code>[0, 1, 2]</code>
#   and weights <code>[0, 2, 1]</code>, the slopes are 3.3333, 9.3333 and 13.3333
#   (printed by the last cell): the mean of the three points' own
#   slopes.</details>
# - Continue with chapter 3, where the slopes of hidden layers are found by
#   backpropagation.

# %%
# The numbers in the answers above.
for learning_rate in (0.001, 0.01, 0.1):
    first_step = gradient_descent_step(lesson_point, lesson_target, lesson_weights, learning_rate)
    first_error = lessonlib.get_error(lesson_point, lesson_target, first_step)
    _, losses = gradient_descent(lesson_point, lesson_target, lesson_weights, learning_rate, 20)
    print(
        f"learning rate {learning_rate}: error after 1 update {first_error:.4g}, "
        f"squared error after 20 updates {losses[-1]:.4g}"
    )

rows = np.array([[1, 2, 3], [0, 1, -1], [2, 0, 1]])  # (3 points, 3 inputs)
targets = np.array([0, 1, 2])
point_slopes = [
    lessonlib.get_slope(x, y, lesson_weights) for x, y in zip(rows, targets, strict=True)
]
print("batch slopes:", lessonlib.get_slope(rows, targets, lesson_weights).round(4))
print("mean of the points' slopes:", np.mean(point_slopes, axis=0).round(4))


# %% [markdown] tags=["solution"]
# ## Reference solutions
#
# One reference solution for each exercise, in order, each folded away. Open
# one once you have tried its exercise. Running a cell here replaces your
# function of the same name with the reference one.

# %% [markdown] tags=["solution"]
# ### Exercise 1: measure the error


# %% tags=["solution"] jupyter={"source_hidden": true}
def get_error(input_data, target, weights):
    prediction = input_data @ weights  # the weighted sum of the inputs
    return prediction - target


# %% [markdown] tags=["solution"]
# ### Exercise 2: the mean squared error


# %% tags=["solution"] jupyter={"source_hidden": true}
def mean_squared_error(targets, predictions):
    errors = np.asarray(predictions) - np.asarray(targets)  # one per point
    return np.mean(errors**2)


# %% [markdown] tags=["solution"]
# ### Exercise 3: the slope for every weight


# %% tags=["solution"] jupyter={"source_hidden": true}
def get_slope(input_data, target, weights):
    error = get_error(input_data, target, weights)
    return 2 * error * input_data  # one slope per weight


# %% [markdown] tags=["solution"]
# ### Exercise 4: take one step downhill


# %% tags=["solution"] jupyter={"source_hidden": true}
def gradient_descent_step(input_data, target, weights, learning_rate):
    slope = get_slope(input_data, target, weights)
    return weights - learning_rate * slope  # a new array: weights is unchanged


# %% [markdown] tags=["solution"]
# ### Exercise 5: make many updates


# %% tags=["solution"] jupyter={"source_hidden": true}
def gradient_descent(input_data, target, weights, learning_rate, n_updates):
    losses = []  # the squared error after each update
    for _ in range(n_updates):
        weights = gradient_descent_step(input_data, target, weights, learning_rate)
        losses.append(get_error(input_data, target, weights) ** 2)
    return weights, losses
