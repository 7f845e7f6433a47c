"""Plausible wrong solutions to every lab exercise, for tests/test_lab_wrong_solutions.py.

Each is what a learner new to the material writes: a missing transpose, a
missing activation, a flipped sign, a forgotten factor 2, an update in place, a
global read instead of an argument. ``says`` is a few words the failed check
must print: the lab's own words for what went wrong, or what was expected.
"""

from __future__ import annotations

from typing import NamedTuple


class Wrong(NamedTuple):
    """One wrong solution to one exercise of one lab."""

    lab: str  #: the lab's file name without ".py"
    exercise: int  #: counted from 1, as the lab numbers them
    mistake: str  #: what the learner got wrong, in a few words (the test's id)
    code: str  #: the learner's cell
    says: str  #: words the check's failure message must contain


LAB_1 = "lab-1-basics"
LAB_2 = "lab-2-optimization"
LAB_3 = "lab-3-backprop"
LAB_4 = "lab-4-training"

WRONG = [
    # Lab 1, exercise 1: node_value(input_data, node_weights)
    Wrong(
        LAB_1,
        1,
        "forgot-sum",
        """
        def node_value(input_data, node_weights):
            return input_data * node_weights
        """,
        "node_value must return one number",
    ),
    Wrong(
        LAB_1,
        1,
        "mean-not-sum",
        """
        def node_value(input_data, node_weights):
            return (input_data * node_weights).mean()
        """,
        "the lesson's node receives 5",
    ),
    Wrong(
        LAB_1,
        1,
        "adds-not-multiplies",
        """
        def node_value(input_data, node_weights):
            return (input_data + node_weights).sum()
        """,
        "the lesson's node receives 5",
    ),
    Wrong(
        LAB_1,
        1,
        "sum-times-sum",
        """
        def node_value(input_data, node_weights):
            return input_data.sum() * node_weights.sum()
        """,
        "the lesson's node receives 5",
    ),
    Wrong(
        LAB_1,
        1,
        "in-place",
        """
        def node_value(input_data, node_weights):
            input_data *= node_weights
            return input_data.sum()
        """,
        "changed an argument it was given",
    ),
    Wrong(
        LAB_1,
        1,
        "reads-global-row",
        """
        def node_value(row, node_weights):
            return (x * node_weights).sum()
        """,
        "node_value raised ValueError",
    ),
    # Lab 1, exercise 2: relu(x)
    Wrong(
        LAB_1,
        2,
        "abs",
        """
        def relu(x):
            return abs(x)
        """,
        "relu(-4) gave 4; expected 0",
    ),
    Wrong(
        LAB_1,
        2,
        "min",
        """
        def relu(x):
            return min(x, 0)
        """,
        "relu(-4) gave -4; expected 0",
    ),
    Wrong(
        LAB_1,
        2,
        "step",
        """
        def relu(x):
            return 1 if x > 0 else 0
        """,
        "relu(0.5) gave 1; expected 0.5",
    ),
    Wrong(
        LAB_1,
        2,
        "prints-not-returns",
        """
        def relu(x):
            print(max(x, 0))
        """,
        "relu(-4) gave None",
    ),
    Wrong(
        LAB_1,
        2,
        "max-of-one-number",
        """
        def relu(x):
            return max(x)
        """,
        "relu raised TypeError",
    ),
    Wrong(
        LAB_1,
        2,
        "returns-the-test",
        """
        def relu(x):
            return x > 0
        """,
        "relu(0.5) gave True",
    ),
    # Lab 1, exercise 3: predict_with_network(input_data_row, weights)
    Wrong(
        LAB_1,
        3,
        "no-output-relu",
        """
        def predict_with_network(input_data_row, weights):
            nodes = ("node_0", "node_1")
            hidden = np.array([relu(node_value(input_data_row, weights[n])) for n in nodes])
            return node_value(hidden, weights["output"])
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        3,
        "no-hidden-relu",
        """
        def predict_with_network(input_data_row, weights):
            nodes = ("node_0", "node_1")
            hidden = np.array([node_value(input_data_row, weights[n]) for n in nodes])
            return relu(node_value(hidden, weights["output"]))
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        3,
        "node-0-twice",
        """
        def predict_with_network(input_data_row, weights):
            node_0_output = relu(node_value(input_data_row, weights["node_0"]))
            hidden = np.array([node_0_output, node_0_output])
            return relu(node_value(hidden, weights["output"]))
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        3,
        "tanh-not-relu",
        """
        def predict_with_network(input_data_row, weights):
            hidden = np.tanh([node_value(input_data_row, weights[n]) for n in ("node_0", "node_1")])
            return np.tanh(node_value(hidden, weights["output"]))
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        3,
        "reads-global-weights",
        """
        def predict_with_network(input_data_row, network):
            hidden = np.maximum([weights[n] @ input_data_row for n in ("node_0", "node_1")], 0)
            return max(hidden @ weights["output"], 0)
        """,
        "predict_with_network raised IndexError",
    ),
    Wrong(
        LAB_1,
        3,
        "lesson-weights-not-argument",
        """
        def predict_with_network(input_data_row, weights):
            nodes = ("node_0", "node_1")
            hidden = np.maximum([lesson_weights[n] @ input_data_row for n in nodes], 0)
            return max(hidden @ lesson_weights["output"], 0)
        """,
        "use the weights argument, not a global",
    ),
    # Lab 1, exercise 4: predict_all_rows(input_data, weights)
    Wrong(
        LAB_1,
        4,
        "missing-transpose",
        """
        def predict_all_rows(input_data, weights):
            hidden_weights = np.array([weights["node_0"], weights["node_1"]])
            hidden = np.maximum(input_data @ hidden_weights, 0)
            return np.maximum(hidden @ weights["output"], 0)
        """,
        "gave [ 0  9  0 12  0] for the lesson's rows",
    ),
    Wrong(
        LAB_1,
        4,
        "column-stack-then-transpose",
        """
        def predict_all_rows(input_data, weights):
            hidden_weights = np.column_stack([weights["node_0"], weights["node_1"]])
            hidden = np.maximum(input_data @ hidden_weights.T, 0)
            return np.maximum(hidden @ weights["output"], 0)
        """,
        "did you forget the transpose?",
    ),
    Wrong(
        LAB_1,
        4,
        "all-zeros",
        """
        def predict_all_rows(input_data, weights):
            return np.zeros(len(input_data))
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        4,
        "no-output-relu",
        """
        def predict_all_rows(input_data, weights):
            hidden_weights = np.array([weights["node_0"], weights["node_1"]])
            return np.maximum(input_data @ hidden_weights.T, 0) @ weights["output"]
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        4,
        "no-hidden-relu",
        """
        def predict_all_rows(input_data, weights):
            hidden_weights = np.array([weights["node_0"], weights["node_1"]])
            return np.maximum(input_data @ hidden_weights.T @ weights["output"], 0)
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        4,
        "column-of-predictions",
        """
        def predict_all_rows(input_data, weights):
            hidden_weights = np.array([weights["node_0"], weights["node_1"]])
            hidden = np.maximum(input_data @ hidden_weights.T, 0)
            return np.maximum(hidden @ np.array([weights["output"]]).T, 0)
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    Wrong(
        LAB_1,
        4,
        "sums-over-rows",
        """
        def predict_all_rows(input_data, weights):
            hidden = np.array([(input_data * weights[n]).sum(axis=0) for n in ("node_0", "node_1")])
            return np.maximum(np.maximum(hidden, 0) @ weights["output"], 0)
        """,
        "the lesson's network predicts [20  6  0 44  0]",
    ),
    # Lab 1, exercise 5: predict_with_network2(input_data_row, weights)
    Wrong(
        LAB_1,
        5,
        "relu-at-output",
        """
        def predict_with_network2(input_data_row, weights):
            first = np.maximum([weights[n] @ input_data_row for n in ("node_0_0", "node_0_1")], 0)
            second = np.maximum([weights[n] @ first for n in ("node_1_0", "node_1_1")], 0)
            return max(weights["output"] @ second, 0)
        """,
        "predict_with_network2 gave 0",
    ),
    Wrong(
        LAB_1,
        5,
        "second-layer-fed-the-inputs",
        """
        def predict_with_network2(input_data_row, weights):
            second = np.maximum([weights[n] @ input_data_row for n in ("node_1_0", "node_1_1")], 0)
            return weights["output"] @ second
        """,
        "the lesson's network predicts 364",
    ),
    Wrong(
        LAB_1,
        5,
        "names-read-index-then-layer",
        """
        def predict_with_network2(input_data_row, weights):
            values = input_data_row
            for layer in (0, 1):
                nodes = [f"node_{index}_{layer}" for index in (0, 1)]
                values = np.maximum([weights[node] @ values for node in nodes], 0)
            return weights["output"] @ values
        """,
        "the lesson's network predicts 364",
    ),
    Wrong(
        LAB_1,
        5,
        "no-relu-in-layer-2",
        """
        def predict_with_network2(input_data_row, weights):
            first = np.maximum([weights[n] @ input_data_row for n in ("node_0_0", "node_0_1")], 0)
            second = np.array([weights[n] @ first for n in ("node_1_0", "node_1_1")])
            return weights["output"] @ second
        """,
        "the lesson's network predicts 364",
    ),
    Wrong(
        LAB_1,
        5,
        "lesson-weights-not-argument",
        """
        def predict_with_network2(input_data_row, weights):
            values = input_data_row
            for layer in (0, 1):
                nodes = [f"node_{layer}_{index}" for index in (0, 1)]
                values = np.maximum([two_layer_weights[node] @ values for node in nodes], 0)
            return two_layer_weights["output"] @ values
        """,
        "predict_with_network2 raised ValueError",
    ),
    # Lab 2, exercise 1: get_error(input_data, target, weights)
    Wrong(
        LAB_2,
        1,
        "flipped-sign",
        """
        def get_error(input_data, target, weights):
            return target - input_data @ weights
        """,
        "its error is 7",
    ),
    Wrong(
        LAB_2,
        1,
        "forgot-sum",
        """
        def get_error(input_data, target, weights):
            return input_data * weights - target
        """,
        "The error is one number",
    ),
    Wrong(
        LAB_2,
        1,
        "squared",
        """
        def get_error(input_data, target, weights):
            return (input_data @ weights - target) ** 2
        """,
        "its error is 7",
    ),
    Wrong(
        LAB_2,
        1,
        "absolute",
        """
        def get_error(input_data, target, weights):
            return abs(input_data @ weights - target)
        """,
        "get_error gave",
    ),
    Wrong(
        LAB_2,
        1,
        "ignores-target",
        """
        def get_error(input_data, target, weights):
            return input_data @ weights
        """,
        "minus the target",
    ),
    # Lab 2, exercise 2: mean_squared_error(targets, predictions)
    Wrong(
        LAB_2,
        2,
        "sum-not-mean",
        """
        def mean_squared_error(targets, predictions):
            return np.sum((np.asarray(predictions) - np.asarray(targets)) ** 2)
        """,
        "the lesson's mean squared error is 37.5",
    ),
    Wrong(
        LAB_2,
        2,
        "square-of-mean-error",
        """
        def mean_squared_error(targets, predictions):
            return np.mean(np.asarray(predictions) - np.asarray(targets)) ** 2
        """,
        "the lesson's mean squared error is 37.5",
    ),
    Wrong(
        LAB_2,
        2,
        "root-mean-square",
        """
        def mean_squared_error(targets, predictions):
            return np.sqrt(np.mean((np.asarray(predictions) - np.asarray(targets)) ** 2))
        """,
        "the lesson's mean squared error is 37.5",
    ),
    Wrong(
        LAB_2,
        2,
        "divides-by-n-minus-1",
        """
        def mean_squared_error(targets, predictions):
            errors = np.asarray(predictions) - np.asarray(targets)
            return (errors**2).sum() / (len(errors) - 1)
        """,
        "the lesson's mean squared error is 37.5",
    ),
    Wrong(
        LAB_2,
        2,
        "lists-not-arrays",
        """
        def mean_squared_error(targets, predictions):
            errors = predictions - targets
            return (errors**2).mean()
        """,
        "mean_squared_error raised TypeError",
    ),
    Wrong(
        LAB_2,
        2,
        "mean-absolute-error",
        """
        def mean_squared_error(targets, predictions):
            return np.mean(np.abs(np.asarray(predictions) - np.asarray(targets)))
        """,
        "the lesson's mean squared error is 37.5",
    ),
    # Lab 2, exercise 3: get_slope(input_data, target, weights)
    Wrong(
        LAB_2,
        3,
        "forgot-factor-2",
        """
        def get_slope(input_data, target, weights):
            return get_error(input_data, target, weights) * input_data
        """,
        "its slopes are [14. 28. 42.]",
    ),
    Wrong(
        LAB_2,
        3,
        "target-minus-prediction",
        """
        def get_slope(input_data, target, weights):
            return 2 * (target - input_data @ weights) * input_data
        """,
        "its slopes are [14. 28. 42.]",
    ),
    Wrong(
        LAB_2,
        3,
        "weights-not-inputs",
        """
        def get_slope(input_data, target, weights):
            return 2 * get_error(input_data, target, weights) * weights
        """,
        "its slopes are [14. 28. 42.]",
    ),
    Wrong(
        LAB_2,
        3,
        "one-number",
        """
        def get_slope(input_data, target, weights):
            return 2 * get_error(input_data, target, weights)
        """,
        "its slopes are [14. 28. 42.]",
    ),
    Wrong(
        LAB_2,
        3,
        "summed",
        """
        def get_slope(input_data, target, weights):
            return (2 * get_error(input_data, target, weights) * input_data).sum()
        """,
        "its slopes are [14. 28. 42.]",
    ),
    Wrong(
        LAB_2,
        3,
        "averaged-over-weights",
        """
        def get_slope(input_data, target, weights):
            return 2 * get_error(input_data, target, weights) * input_data / len(weights)
        """,
        "its slopes are [14. 28. 42.]",
    ),
    # Lab 2, exercise 4: gradient_descent_step(input_data, target, weights, learning_rate)
    Wrong(
        LAB_2,
        4,
        "climbs",
        """
        def gradient_descent_step(input_data, target, weights, learning_rate):
            return weights + learning_rate * get_slope(input_data, target, weights)
        """,
        "one step gives [-0.14  1.72  0.58]",
    ),
    Wrong(
        LAB_2,
        4,
        "forgot-learning-rate",
        """
        def gradient_descent_step(input_data, target, weights, learning_rate):
            return weights - get_slope(input_data, target, weights)
        """,
        "one step gives [-0.14  1.72  0.58]",
    ),
    Wrong(
        LAB_2,
        4,
        "steps-by-the-error",
        """
        def gradient_descent_step(input_data, target, weights, learning_rate):
            return weights - learning_rate * get_error(input_data, target, weights)
        """,
        "one step gives [-0.14  1.72  0.58]",
    ),
    Wrong(
        LAB_2,
        4,
        "hard-coded-learning-rate",
        """
        def gradient_descent_step(input_data, target, weights, learning_rate):
            return weights - 0.01 * get_slope(input_data, target, weights)
        """,
        "with the learning_rate given",
    ),
    Wrong(
        LAB_2,
        4,
        "in-place",
        """
        def gradient_descent_step(input_data, target, weights, learning_rate):
            weights -= learning_rate * get_slope(input_data, target, weights)
            return weights
        """,
        "weights -= ... would change the caller's weights",
    ),
    Wrong(
        LAB_2,
        4,
        "overwrites-the-given-array",
        """
        def gradient_descent_step(input_data, target, weights, learning_rate):
            weights[:] = weights - learning_rate * get_slope(input_data, target, weights)
            return weights
        """,
        "changed an argument it was given",
    ),
    # Lab 2, exercise 5: gradient_descent(input_data, target, weights, learning_rate, n_updates)
    Wrong(
        LAB_2,
        5,
        "records-before-the-update",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates):
                losses.append(get_error(input_data, target, weights) ** 2)
                weights = gradient_descent_step(input_data, target, weights, learning_rate)
            return weights, losses
        """,
        "gradient_descent recorded the squared errors",
    ),
    Wrong(
        LAB_2,
        5,
        "records-the-error",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates):
                weights = gradient_descent_step(input_data, target, weights, learning_rate)
                losses.append(get_error(input_data, target, weights))
            return weights, losses
        """,
        "gradient_descent recorded the squared errors",
    ),
    Wrong(
        LAB_2,
        5,
        "drops-the-new-weights",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates):
                gradient_descent_step(input_data, target, weights, learning_rate)
                losses.append(get_error(input_data, target, weights) ** 2)
            return weights, losses
        """,
        "gradient_descent recorded the squared errors",
    ),
    Wrong(
        LAB_2,
        5,
        "one-update-short",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates - 1):
                weights = gradient_descent_step(input_data, target, weights, learning_rate)
                losses.append(get_error(input_data, target, weights) ** 2)
            return weights, losses
        """,
        "gradient_descent recorded the squared errors",
    ),
    Wrong(
        LAB_2,
        5,
        "returns-losses-first",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates):
                weights = gradient_descent_step(input_data, target, weights, learning_rate)
                losses.append(get_error(input_data, target, weights) ** 2)
            return losses, weights
        """,
        "gradient_descent recorded the squared errors",
    ),
    Wrong(
        LAB_2,
        5,
        "in-place",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates):
                weights -= learning_rate * get_slope(input_data, target, weights)
                losses.append(get_error(input_data, target, weights) ** 2)
            return weights, losses
        """,
        "gradient_descent raised",
    ),
    Wrong(
        LAB_2,
        5,
        "hard-coded-learning-rate",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            losses = []
            for _ in range(n_updates):
                weights = gradient_descent_step(input_data, target, weights, 0.01)
                losses.append(get_error(input_data, target, weights) ** 2)
            return weights, losses
        """,
        "η = ",
    ),
    Wrong(
        LAB_2,
        5,
        "returns-only-the-weights",
        """
        def gradient_descent(input_data, target, weights, learning_rate, n_updates):
            for _ in range(n_updates):
                weights = gradient_descent_step(input_data, target, weights, learning_rate)
            return weights
        """,
        "it must return two things",
    ),
    # Lab 3, exercise 1: sigmoid(x), sigmoid_slope(x)
    Wrong(
        LAB_3,
        1,
        "slope-of-the-input",
        """
        def sigmoid(x):
            return 1 / (1 + np.exp(-x))


        def sigmoid_slope(x):
            return x * (1 - x)
        """,
        "sigmoid_slope(",
    ),
    Wrong(
        LAB_3,
        1,
        "slope-half-of-the-input",
        """
        def sigmoid(x):
            return 1 / (1 + np.exp(-x))


        def sigmoid_slope(x):
            return sigmoid(x) * (1 - x)
        """,
        "sigmoid_slope(",
    ),
    Wrong(
        LAB_3,
        1,
        "sign-slip-in-exp",
        """
        def sigmoid(x):
            return 1 / (1 + np.exp(x))


        def sigmoid_slope(x):
            return sigmoid(x) * (1 - sigmoid(x))
        """,
        "sigmoid(",
    ),
    Wrong(
        LAB_3,
        1,
        "slope-is-the-sigmoid",
        """
        def sigmoid(x):
            return 1 / (1 + np.exp(-x))


        def sigmoid_slope(x):
            return sigmoid(x)
        """,
        "sigmoid_slope(",
    ),
    Wrong(
        LAB_3,
        1,
        "tanh-slope",
        """
        def sigmoid(x):
            return 1 / (1 + np.exp(-x))


        def sigmoid_slope(x):
            return 1 - sigmoid(x) ** 2
        """,
        "sigmoid_slope(",
    ),
    Wrong(
        LAB_3,
        1,
        "math-exp",
        """
        import math


        def sigmoid(x):
            return 1 / (1 + math.exp(-x))


        def sigmoid_slope(x):
            return sigmoid(x) * (1 - sigmoid(x))
        """,
        "sigmoid raised TypeError",
    ),
    # Lab 3, exercise 2: forward_pass(inputs, hidden_weights, hidden_bias, output_weights, ...)
    Wrong(
        LAB_3,
        2,
        "no-biases",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(hidden_weights @ inputs)
            return hidden_outputs, sigmoid(output_weights @ hidden_outputs)
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        2,
        "no-sigmoid-at-the-output",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)
            return hidden_outputs, output_weights @ hidden_outputs + output_bias
        """,
        "forward_pass gave the outputs",
    ),
    Wrong(
        LAB_3,
        2,
        "transposed-weights",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(inputs @ hidden_weights + hidden_bias)
            return hidden_outputs, sigmoid(hidden_outputs @ output_weights + output_bias)
        """,
        "forward_pass gave the hidden outputs",
    ),
    Wrong(
        LAB_3,
        2,
        "bias-after-the-sigmoid",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(hidden_weights @ inputs) + hidden_bias
            return hidden_outputs, sigmoid(output_weights @ hidden_outputs) + output_bias
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        2,
        "hidden-bias-in-both-layers",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)
            return hidden_outputs, sigmoid(output_weights @ hidden_outputs + hidden_bias)
        """,
        "forward_pass gave the outputs",
    ),
    Wrong(
        LAB_3,
        2,
        "biases-swapped-between-nodes",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias[::-1])
            return hidden_outputs, sigmoid(output_weights @ hidden_outputs + output_bias[::-1])
        """,
        "for random network 0",
    ),
    Wrong(
        LAB_3,
        2,
        "reads-the-set-up-variables",
        """
        def forward_pass(x, w1, b1, w2, b2):
            hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)
            return hidden_outputs, sigmoid(output_weights @ hidden_outputs + output_bias)
        """,
        "for random network 0",
    ),
    Wrong(
        LAB_3,
        2,
        "returns-only-the-outputs",
        """
        def forward_pass(inputs, hidden_weights, hidden_bias, output_weights, output_bias):
            hidden_outputs = sigmoid(hidden_weights @ inputs + hidden_bias)
            return sigmoid(output_weights @ hidden_outputs + output_bias)
        """,
        "it must return two things",
    ),
    # Lab 3, exercise 3: output_layer_slopes(hidden_outputs, outputs, targets)
    Wrong(
        LAB_3,
        3,
        "no-sigmoid-slope",
        """
        def output_layer_slopes(hidden_outputs, outputs, targets):
            output_deltas = outputs - targets
            return output_deltas, np.outer(output_deltas, hidden_outputs)
        """,
        "output_layer_slopes gave the deltas",
    ),
    Wrong(
        LAB_3,
        3,
        "target-minus-output",
        """
        def output_layer_slopes(hidden_outputs, outputs, targets):
            output_deltas = (targets - outputs) * outputs * (1 - outputs)
            return output_deltas, np.outer(output_deltas, hidden_outputs)
        """,
        "output_layer_slopes gave the deltas",
    ),
    Wrong(
        LAB_3,
        3,
        "factor-2-from-chapter-2",
        """
        def output_layer_slopes(hidden_outputs, outputs, targets):
            output_deltas = 2 * (outputs - targets) * outputs * (1 - outputs)
            return output_deltas, np.outer(output_deltas, hidden_outputs)
        """,
        "output_layer_slopes gave the deltas",
    ),
    Wrong(
        LAB_3,
        3,
        "outer-product-reversed",
        """
        def output_layer_slopes(hidden_outputs, outputs, targets):
            output_deltas = (outputs - targets) * outputs * (1 - outputs)
            return output_deltas, np.outer(hidden_outputs, output_deltas)
        """,
        "output_layer_slopes gave the slopes",
    ),
    Wrong(
        LAB_3,
        3,
        "sigmoid-of-the-outputs",
        """
        def output_layer_slopes(hidden_outputs, outputs, targets):
            output_deltas = (outputs - targets) * sigmoid_slope(outputs)
            return output_deltas, np.outer(output_deltas, hidden_outputs)
        """,
        "output_layer_slopes gave the deltas",
    ),
    Wrong(
        LAB_3,
        3,
        "product-not-outer-product",
        """
        def output_layer_slopes(hidden_outputs, outputs, targets):
            output_deltas = (outputs - targets) * outputs * (1 - outputs)
            return output_deltas, output_deltas * hidden_outputs
        """,
        "output_layer_slopes gave the slopes",
    ),
    Wrong(
        LAB_3,
        3,
        "reads-the-set-up-targets",
        """
        def output_layer_slopes(hidden_outputs, outputs, target):
            output_deltas = (outputs - targets) * outputs * (1 - outputs)
            return output_deltas, np.outer(output_deltas, hidden_outputs)
        """,
        "for random network 0",
    ),
    # Lab 3, exercise 4: hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights)
    Wrong(
        LAB_3,
        4,
        "missing-transpose",
        """
        def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
            slope_at_hidden = output_weights @ output_deltas
            hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)
            return np.outer(hidden_deltas, inputs)
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        4,
        "no-sigmoid-slope",
        """
        def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
            return np.outer(output_weights.T @ output_deltas, inputs)
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        4,
        "outer-product-reversed",
        """
        def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
            slope_at_hidden = output_weights.T @ output_deltas
            hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)
            return np.outer(inputs, hidden_deltas)
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        4,
        "deltas-summed-without-weights",
        """
        def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
            hidden_deltas = output_deltas.sum() * hidden_outputs * (1 - hidden_outputs)
            return np.outer(hidden_deltas, inputs)
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        4,
        "updated-output-weights",
        """
        def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
            output_weights = output_weights - 0.5 * np.outer(output_deltas, hidden_outputs)
            slope_at_hidden = output_weights.T @ output_deltas
            hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)
            return np.outer(hidden_deltas, inputs)
        """,
        "with the output weights given",
    ),
    Wrong(
        LAB_3,
        4,
        "sigmoid-of-the-hidden-outputs",
        """
        def hidden_layer_slopes(inputs, hidden_outputs, output_deltas, output_weights):
            hidden_deltas = (output_weights.T @ output_deltas) * sigmoid_slope(hidden_outputs)
            return np.outer(hidden_deltas, inputs)
        """,
        "for the worked example",
    ),
    Wrong(
        LAB_3,
        4,
        "reads-the-set-up-variables",
        """
        def hidden_layer_slopes(x, hidden_outputs, output_deltas, w2):
            slope_at_hidden = output_weights.T @ output_deltas
            hidden_deltas = slope_at_hidden * hidden_outputs * (1 - hidden_outputs)
            return np.outer(hidden_deltas, inputs)
        """,
        "hidden_layer_slopes raised ValueError",
    ),
    # Lab 3, exercise 5: train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng)
    Wrong(
        LAB_3,
        5,
        "drops-the-updated-network",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
                )
                lessonlib.updated_network(network, gradients, learning_rate)
            return network
        """,
        "lessonlib.train's start",
    ),
    Wrong(
        LAB_3,
        5,
        "no-shuffle",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for start in range(0, len(inputs), batch_size):
                rows = np.arange(start, min(start + batch_size, len(inputs)))
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
                )
                network = lessonlib.updated_network(network, gradients, learning_rate)
            return network
        """,
        "lessonlib.train's start",
    ),
    Wrong(
        LAB_3,
        5,
        "every-step-on-all-rows",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for _ in lessonlib.minibatches(len(inputs), batch_size, rng):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs, labels, lessonlib.softmax_cross_entropy
                )
                network = lessonlib.updated_network(network, gradients, learning_rate)
            return network
        """,
        "lessonlib.train's start",
    ),
    Wrong(
        LAB_3,
        5,
        "a-new-generator",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for rows in lessonlib.minibatches(len(inputs), batch_size, np.random.default_rng()):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
                )
                network = lessonlib.updated_network(network, gradients, learning_rate)
            return network
        """,
        "lessonlib.train's start",
    ),
    Wrong(
        LAB_3,
        5,
        "all-labels-for-a-batch",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels, lessonlib.softmax_cross_entropy
                )
                network = lessonlib.updated_network(network, gradients, learning_rate)
            return network
        """,
        "train_one_epoch raised ValueError",
    ),
    Wrong(
        LAB_3,
        5,
        "biases-kept-fixed",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
                )
                network = lessonlib.updated_network(
                    network, gradients, learning_rate, update_biases=False
                )
            return network
        """,
        "lessonlib.train's start",
    ),
    Wrong(
        LAB_3,
        5,
        "hard-coded-settings",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for rows in lessonlib.minibatches(len(inputs), 32, rng):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
                )
                network = lessonlib.updated_network(network, gradients, 0.5)
            return network
        """,
        "at learning rate 0.3 in batches of 25",
    ),
    Wrong(
        LAB_3,
        5,
        "changes-the-given-list",
        """
        def train_one_epoch(network, inputs, labels, learning_rate, batch_size, rng):
            for rows in lessonlib.minibatches(len(inputs), batch_size, rng):
                _, gradients = lessonlib.loss_and_gradients(
                    network, inputs[rows], labels[rows], lessonlib.softmax_cross_entropy
                )
                network[:] = lessonlib.updated_network(network, gradients, learning_rate)
            return network
        """,
        "changed an argument it was given",
    ),
    # Lab 3, exercise 6: accuracy(labels, outputs)
    Wrong(
        LAB_3,
        6,
        "count-not-fraction",
        """
        def accuracy(labels, outputs):
            return (outputs.argmax(axis=1) == labels).sum()
        """,
        "expected 0.6666666666666666",
    ),
    Wrong(
        LAB_3,
        6,
        "flat-argmax",
        """
        def accuracy(labels, outputs):
            return np.mean(outputs.argmax() == labels)
        """,
        "expected 0.6666666666666666",
    ),
    Wrong(
        LAB_3,
        6,
        "largest-output-not-its-class",
        """
        def accuracy(labels, outputs):
            return np.mean(outputs.max(axis=1) == labels)
        """,
        "expected 0.6666666666666666",
    ),
    Wrong(
        LAB_3,
        6,
        "argmax-down-the-columns",
        """
        def accuracy(labels, outputs):
            return np.mean(outputs.argmax(axis=0) == labels)
        """,
        "accuracy raised ValueError",
    ),
    Wrong(
        LAB_3,
        6,
        "error-rate",
        """
        def accuracy(labels, outputs):
            return np.mean(outputs.argmax(axis=1) != labels)
        """,
        "expected 0.6666666666666666",
    ),
    # Lab 4, exercise 1: largest_stable_rate(input_data)
    Wrong(
        LAB_4,
        1,
        "fastest-not-largest",
        """
        def largest_stable_rate(input_data):
            return 1 / (2 * (input_data @ input_data))
        """,
        "still stable: your rate is below the largest",
    ),
    Wrong(
        LAB_4,
        1,
        "sum-not-squares",
        """
        def largest_stable_rate(input_data):
            return 1 / input_data.sum()
        """,
        "your rate is too large",
    ),
    Wrong(
        LAB_4,
        1,
        "square-of-the-sum",
        """
        def largest_stable_rate(input_data):
            return 1 / input_data.sum() ** 2
        """,
        "your rate is below the largest",
    ),
    Wrong(
        LAB_4,
        1,
        "mean-of-squares",
        """
        def largest_stable_rate(input_data):
            return 1 / np.mean(input_data**2)
        """,
        "your rate is too large",
    ),
    Wrong(
        LAB_4,
        1,
        "factor-between-minus-2-and-2",
        """
        def largest_stable_rate(input_data):
            return 2 / (input_data @ input_data)
        """,
        "your rate is too large",
    ),
    Wrong(
        LAB_4,
        1,
        "returns-the-factor",
        """
        def largest_stable_rate(input_data):
            return 1 - 2 * (input_data @ input_data)
        """,
        "it must return one positive number",
    ),
    # Lab 4, exercise 2: dead_nodes(network, inputs)
    Wrong(
        LAB_4,
        2,
        "negative-not-zero-or-less",
        """
        def dead_nodes(network, inputs):
            hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
            return [int((sums < 0).all(axis=0).sum()) for sums in hidden_sums]
        """,
        "for random network 0",
    ),
    Wrong(
        LAB_4,
        2,
        "any-row-not-every-row",
        """
        def dead_nodes(network, inputs):
            hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
            return [int((sums <= 0).any(axis=0).sum()) for sums in hidden_sums]
        """,
        "dead_nodes gave [64, 32] for the lesson's bad start; expected [29, 32]",
    ),
    Wrong(
        LAB_4,
        2,
        "counts-rows-not-nodes",
        """
        def dead_nodes(network, inputs):
            hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
            return [int((sums <= 0).all(axis=1).sum()) for sums in hidden_sums]
        """,
        "for the lesson's bad start; expected [29, 32]",
    ),
    Wrong(
        LAB_4,
        2,
        "output-layer-too",
        """
        def dead_nodes(network, inputs):
            all_sums = lessonlib.forward(network, inputs).pre_activations
            return [int((sums <= 0).all(axis=0).sum()) for sums in all_sums]
        """,
        "not in the output layer",
    ),
    Wrong(
        LAB_4,
        2,
        "share-not-count",
        """
        def dead_nodes(network, inputs):
            hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
            return [float((sums <= 0).all(axis=0).mean()) for sums in hidden_sums]
        """,
        "for the lesson's bad start; expected [29, 32]",
    ),
    Wrong(
        LAB_4,
        2,
        "negative-on-average",
        """
        def dead_nodes(network, inputs):
            hidden_sums = lessonlib.forward(network, inputs).pre_activations[:-1]
            return [int((sums.mean(axis=0) <= 0).sum()) for sums in hidden_sums]
        """,
        "expected [29, 32]",
    ),
    # Lab 4, exercise 3: layer_slope_sizes(network, inputs, labels)
    Wrong(
        LAB_4,
        3,
        "mean-not-root-mean-square",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.softmax_cross_entropy
            )
            return [np.mean(slopes) for slopes in gradients.weights]
        """,
        "for the lesson's deep sigmoid network",
    ),
    Wrong(
        LAB_4,
        3,
        "mean-of-sizes",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.softmax_cross_entropy
            )
            return [np.mean(np.abs(slopes)) for slopes in gradients.weights]
        """,
        "the square root of the mean of their squares",
    ),
    Wrong(
        LAB_4,
        3,
        "length-not-root-mean-square",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.softmax_cross_entropy
            )
            return [np.linalg.norm(slopes) for slopes in gradients.weights]
        """,
        "for the lesson's deep sigmoid network",
    ),
    Wrong(
        LAB_4,
        3,
        "no-square-root",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.softmax_cross_entropy
            )
            return [np.mean(slopes**2) for slopes in gradients.weights]
        """,
        "for the lesson's deep sigmoid network",
    ),
    Wrong(
        LAB_4,
        3,
        "biases-too",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.softmax_cross_entropy
            )
            return [
                np.sqrt(np.mean(np.concatenate([weights.ravel(), biases]) ** 2))
                for weights, biases in zip(gradients.weights, gradients.biases)
            ]
        """,
        "(not the biases')",
    ),
    Wrong(
        LAB_4,
        3,
        "mean-squared-error",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.mean_squared_error
            )
            return [np.sqrt(np.mean(slopes**2)) for slopes in gradients.weights]
        """,
        "layer_slope_sizes raised ValueError",
    ),
    Wrong(
        LAB_4,
        3,
        "largest-slope",
        """
        def layer_slope_sizes(network, inputs, labels):
            _, gradients = lessonlib.loss_and_gradients(
                network, inputs, labels, lessonlib.softmax_cross_entropy
            )
            return [np.abs(slopes).max() for slopes in gradients.weights]
        """,
        "for the lesson's deep sigmoid network",
    ),
    # Lab 4, exercise 4: early_stopping(validation_losses, patience)
    Wrong(
        LAB_4,
        4,
        "one-epoch-late",
        """
        def early_stopping(validation_losses, patience):
            best_epoch, best_loss = 0, np.inf
            for epoch, loss in enumerate(validation_losses, start=1):
                if loss < best_loss:
                    best_epoch, best_loss = epoch, loss
                elif epoch - best_epoch > patience:
                    return epoch, best_epoch
            return len(validation_losses), best_epoch
        """,
        "with patience 3; expected (stop, best) = (6, 3)",
    ),
    Wrong(
        LAB_4,
        4,
        "best-of-the-whole-run",
        """
        def early_stopping(validation_losses, patience):
            best_epoch = int(np.argmin(validation_losses)) + 1
            for epoch in range(1, len(validation_losses) + 1):
                best_so_far = int(np.argmin(validation_losses[:epoch])) + 1
                if epoch - best_so_far >= patience:
                    return epoch, best_epoch
            return len(validation_losses), best_epoch
        """,
        "expected (stop, best) = (6, 3)",
    ),
    Wrong(
        LAB_4,
        4,
        "epochs-from-0",
        """
        def early_stopping(validation_losses, patience):
            best_epoch, best_loss = 0, np.inf
            for epoch, loss in enumerate(validation_losses):
                if loss < best_loss:
                    best_epoch, best_loss = epoch, loss
                elif epoch - best_epoch >= patience:
                    return epoch, best_epoch
            return len(validation_losses) - 1, best_epoch
        """,
        "counted from 1",
    ),
    Wrong(
        LAB_4,
        4,
        "an-equal-loss-improves",
        """
        def early_stopping(validation_losses, patience):
            best_epoch, best_loss = 0, np.inf
            for epoch, loss in enumerate(validation_losses, start=1):
                if loss <= best_loss:
                    best_epoch, best_loss = epoch, loss
                elif epoch - best_epoch >= patience:
                    return epoch, best_epoch
            return len(validation_losses), best_epoch
        """,
        "for the losses [0.5, 0.4, 0.4, 0.4, 0.3] with patience 2",
    ),
    Wrong(
        LAB_4,
        4,
        "worse-than-the-epoch-before",
        """
        def early_stopping(validation_losses, patience):
            best_epoch, worse_in_a_row = 1, 0
            for epoch in range(2, len(validation_losses) + 1):
                if validation_losses[epoch - 1] < validation_losses[epoch - 2]:
                    worse_in_a_row = 0
                    if validation_losses[epoch - 1] < validation_losses[best_epoch - 1]:
                        best_epoch = epoch
                else:
                    worse_in_a_row += 1
                    if worse_in_a_row >= patience:
                        return epoch, best_epoch
            return len(validation_losses), best_epoch
        """,
        "expected (stop, best) = (6, 3)",
    ),
    Wrong(
        LAB_4,
        4,
        "best-plus-patience",
        """
        def early_stopping(validation_losses, patience):
            best_epoch = int(np.argmin(validation_losses)) + 1
            return best_epoch + patience, best_epoch
        """,
        "expected (stop, best) = (6, 3)",
    ),
    Wrong(
        LAB_4,
        4,
        "best-first",
        """
        def early_stopping(validation_losses, patience):
            best_epoch, best_loss = 0, np.inf
            for epoch, loss in enumerate(validation_losses, start=1):
                if loss < best_loss:
                    best_epoch, best_loss = epoch, loss
                elif epoch - best_epoch >= patience:
                    return best_epoch, epoch
            return best_epoch, len(validation_losses)
        """,
        "expected (stop, best) = (6, 3)",
    ),
]
