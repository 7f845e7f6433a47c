"""Benchmark chapter 3: the batch forward pass, and one training epoch against PyTorch.

Prints, each as the median of ``--repeat`` runs (the variants interleaved, so a
noisy neighbour slows them alike):

1. The forward pass of the post's ReLU network on 100,000 rows: the post's
   row-by-row loop (as written out in the whole-batches lesson), chapter 1's
   ``predict_with_network`` in the same loop, and one call of
   ``lessonlib.forward`` on all rows. Goal: the batch at least 100x faster
   than the post's loop.
2. One training epoch of the digits lesson's network (64-64-32-10, ReLU,
   softmax cross-entropy, mini-batches of 16, learning rate 0.2, float64):
   ``lessonlib.train`` for one epoch against the same network in PyTorch on the
   CPU, started from the same weights and fed the same shuffles, each ending
   with the loss on all training rows as ``train`` does. Goal: lessonlib no
   slower per epoch (ratio lessonlib / torch at most 1). PyTorch is optional:
   without it, this part prints "torch not installed".
3. One whole training run of chapter 4's comparison: the digits network
   trained for 30 epochs (mini-batches of 16, learning rate 0.2, no momentum,
   no weight decay, float64, one thread each) by ``lessonlib.train``, by the
   same loop in PyTorch (same start, same shuffles) and by scikit-learn's
   ``MLPClassifier(solver="sgd")`` with every early stop turned off. Prints the
   time and test accuracy of each, the ratios lessonlib / PyTorch and
   lessonlib / MLPClassifier, and the load average before and after. Goal:
   both ratios at most 1. Without torch, PyTorch's line says so.

Run it as ``python scripts/bench_chapter3.py [--repeat N] [--parts 123]``.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from lessonlib import (
    Layer,
    accuracy,
    forward,
    predict_classes,
    predict_with_network,
    random_network,
    relu,
    softmax_cross_entropy,
    train,
)

N_ROWS = 100_000
LAYER_SIZES = [64, 64, 32, 10]
BATCH_SIZE, LEARNING_RATE, EPOCHS = 16, 0.2, 30


def post_relu(value: Any) -> Any:
    return max(value, 0)


def post_predict_with_network(input_data_row: Any, weights: dict[str, Any]) -> Any:
    """The post's function: one row, one node at a time."""
    node_0_output = post_relu((input_data_row * weights["node_0"]).sum())
    node_1_output = post_relu((input_data_row * weights["node_1"]).sum())
    hidden_layer_outputs = np.array([node_0_output, node_1_output])
    return post_relu((hidden_layer_outputs * weights["output"]).sum())


def seconds(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def median_times(variants: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """The median time of each variant, running them in turn ``repeat`` times."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeat):
        for name, work in variants.items():
            times[name].append(seconds(work))
    return {name: statistics.median(runs) for name, runs in times.items()}


def bench_forward(repeat: int) -> None:
    weights = {"node_0": np.array([2, 1]), "node_1": np.array([1, 2]), "output": np.array([1, 1])}
    network = [
        Layer(np.array([[2, 1], [1, 2]]), np.zeros(2), relu),
        Layer(np.array([[1, 1]]), np.zeros(1), relu),
    ]
    rows = np.random.default_rng(0).normal(size=(N_ROWS, 2))  # (n_rows, n_inputs)
    loop = [post_predict_with_network(row, weights) for row in rows]
    if not np.allclose(forward(network, rows).output[:, 0], loop, rtol=0, atol=1e-12):
        raise SystemExit("the batch and the row-by-row loop disagree")
    times = median_times(
        {
            "post's row-by-row loop": lambda: [post_predict_with_network(r, weights) for r in rows],
            "predict_with_network loop": lambda: [predict_with_network(r, weights) for r in rows],
            "lessonlib.forward, one batch": lambda: forward(network, rows),
        },
        repeat,
    )
    print(f"1. Forward pass on {N_ROWS:,} rows (median of {repeat} runs)")
    batch = times["lessonlib.forward, one batch"]
    for name, taken in times.items():
        print(f"   {name:<30} {taken * 1000:10.1f} ms   {taken / batch:8.0f}x the batch")
    ratio = times["post's row-by-row loop"] / batch
    print(f"   batch speed-up over the post's loop: {ratio:.0f}x (goal: at least 100x)")


def digits_data() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    digits = load_digits()
    rows = np.random.default_rng(0).permutation(len(digits.target))[720:]  # the training rows
    return digits.data[rows] / 16, digits.target[rows]


def torch_epoch(torch: Any, model: Any, inputs: Any, labels: Any, order: np.ndarray) -> float:
    """One epoch of plain SGD in PyTorch, then the loss on all rows (as lessonlib.train)."""
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    loss_function = torch.nn.functional.cross_entropy
    for start in range(0, len(order), BATCH_SIZE):
        rows = torch.from_numpy(order[start : start + BATCH_SIZE])
        optimizer.zero_grad()
        loss_function(model(inputs[rows]), labels[rows]).backward()
        optimizer.step()
    with torch.no_grad():
        return float(loss_function(model(inputs), labels).item())


def torch_model(torch: Any, network: list[Layer]) -> Any:
    """The same architecture in PyTorch, float64, with lessonlib's starting weights."""
    layers: list[Any] = []
    for layer in network:
        linear = torch.nn.Linear(layer.weights.shape[1], layer.weights.shape[0]).double()
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(layer.weights))
            linear.bias.copy_(torch.from_numpy(layer.bias))
        layers += [linear, torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1])  # no activation at the output: scores


def bench_epoch(repeat: int) -> None:
    print(f"2. One training epoch of the digits network {LAYER_SIZES}, float64")
    try:
        import torch
    except ModuleNotFoundError:
        print("   torch not installed: pip install -c constraints.txt -e '.[bench]'")
        return
    inputs, labels = digits_data()
    network = random_network(LAYER_SIZES, np.random.default_rng(1))
    torch_inputs, torch_labels = torch.from_numpy(inputs), torch.from_numpy(labels)

    def lessonlib_epoch() -> float:
        result = train(
            network, inputs, labels, loss=softmax_cross_entropy, learning_rate=LEARNING_RATE,
            batch_size=BATCH_SIZE, epochs=1, rng=np.random.default_rng(2), progress=False,
        )  # fmt: skip
        return result.train_losses[-1]

    def pytorch_epoch() -> float:
        order = np.random.default_rng(2).permutation(len(labels))  # the shuffle train makes
        model = torch_model(torch, network)
        return torch_epoch(torch, model, torch_inputs, torch_labels, order)

    def pytorch_epoch_one_thread() -> float:
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return pytorch_epoch()
        finally:
            torch.set_num_threads(threads)

    def lessonlib_epoch_one_thread() -> float:
        from threadpoolctl import threadpool_limits  # numpy's BLAS threads

        with threadpool_limits(limits=1, user_api="blas"):
            return lessonlib_epoch()

    difference = abs(lessonlib_epoch() - pytorch_epoch())
    threads = torch.get_num_threads()
    variants = {
        "lessonlib, BLAS default threads": lessonlib_epoch,
        "lessonlib, 1 BLAS thread": lessonlib_epoch_one_thread,
        f"PyTorch, {threads} threads": pytorch_epoch,
        "PyTorch, 1 thread": pytorch_epoch_one_thread,
    }
    times = median_times(variants, repeat)
    print(f"   {len(labels)} rows, mini-batches of {BATCH_SIZE}, median of {repeat} epochs")
    print(f"   torch {torch.__version__}, numpy {np.__version__}, {threads} cores")
    for name, taken in times.items():
        print(f"   {name:<32} {taken * 1000:8.1f} ms per epoch")
    ours = min(taken for name, taken in times.items() if name.startswith("lessonlib"))
    theirs = min(taken for name, taken in times.items() if name.startswith("PyTorch"))
    single = times["lessonlib, 1 BLAS thread"] / times["PyTorch, 1 thread"]
    print(f"   ratio lessonlib / torch, each at its faster setting: {ours / theirs:.2f}")
    print(f"   ratio lessonlib / torch, both on 1 thread: {single:.2f} (goal: at most 1)")
    print(f"   same loss after the epoch: difference {difference:.1e}")


Rows = tuple[np.ndarray, np.ndarray]  # inputs (n_rows, 64) and labels (n_rows,)


def digits_lesson() -> tuple[Rows, Rows, list[Layer], np.random.Generator]:
    """The digits lesson's training and test rows, starting network and shuffling generator."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    inputs, labels = digits.data / 16, digits.target
    rng = np.random.default_rng(0)
    rows = rng.permutation(len(labels))
    test, training = rows[:360], rows[720:]
    network = random_network(LAYER_SIZES, rng)  # drawn after the split, as in the lesson
    return (inputs[training], labels[training]), (inputs[test], labels[test]), network, rng


def mlp_classifier() -> Any:
    """scikit-learn's MLP set up as our runs: plain SGD, no L2, no early or tol stop."""
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(
        hidden_layer_sizes=tuple(LAYER_SIZES[1:-1]), activation="relu", solver="sgd",
        alpha=0.0, batch_size=BATCH_SIZE, learning_rate="constant",
        learning_rate_init=LEARNING_RATE, momentum=0.0, nesterovs_momentum=False,
        max_iter=EPOCHS, shuffle=True, random_state=0, tol=0.0, early_stopping=False,
        n_iter_no_change=EPOCHS + 1,  # never "no improvement": all 30 epochs run
    )  # fmt: skip


def training_runs(torch: Any) -> dict[str, Callable[[], Callable[[np.ndarray], np.ndarray]]]:
    """Each library's 30-epoch run; each returns a function giving the classes of rows."""
    (inputs, labels), _, network, shuffles = digits_lesson()
    generator = copy.deepcopy(shuffles)
    orders = [generator.permutation(len(labels)) for _ in range(EPOCHS)]  # the shuffles of train

    def lessonlib_run() -> Callable[[np.ndarray], np.ndarray]:
        result = train(
            network, inputs, labels, loss=softmax_cross_entropy, learning_rate=LEARNING_RATE,
            batch_size=BATCH_SIZE, epochs=EPOCHS, rng=copy.deepcopy(shuffles), progress=False,
        )  # fmt: skip
        return lambda rows: predict_classes(result.network, rows)

    def sklearn_run() -> Callable[[np.ndarray], np.ndarray]:
        from sklearn.exceptions import ConvergenceWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # 30 epochs is what we ask
            model = mlp_classifier().fit(inputs, labels)
        if model.n_iter_ != EPOCHS:
            raise SystemExit(f"MLPClassifier stopped after {model.n_iter_} epochs")
        return model.predict

    runs = {"lessonlib.train": lessonlib_run}
    if torch is not None:
        torch_inputs, torch_labels = torch.from_numpy(inputs), torch.from_numpy(labels)

        def pytorch_run() -> Callable[[np.ndarray], np.ndarray]:
            model = torch_model(torch, network)
            for order in orders:
                torch_epoch(torch, model, torch_inputs, torch_labels, order)

            def classes(rows: np.ndarray) -> np.ndarray:
                with torch.no_grad():
                    return model(torch.from_numpy(rows)).argmax(dim=1).numpy()

            return classes

        runs["PyTorch, the same loop"] = pytorch_run
    return {**runs, "MLPClassifier(solver='sgd')": sklearn_run}


def bench_training(repeat: int) -> None:
    print(f"3. A whole training run: {EPOCHS} epochs of the digits network {LAYER_SIZES}")
    from threadpoolctl import threadpool_limits

    try:
        import torch
    except ModuleNotFoundError:
        torch = None
    before = os.getloadavg()
    threads = None if torch is None else torch.get_num_threads()
    with threadpool_limits(limits=1):
        if torch is not None:
            torch.set_num_threads(1)
        try:
            runs = training_runs(torch)
            _, (test_inputs, test_labels), _, _ = digits_lesson()
            right = {name: accuracy(test_labels, run()(test_inputs)) for name, run in runs.items()}
            times = median_times(runs, repeat)
        finally:
            if torch is not None:
                torch.set_num_threads(threads)
    after = os.getloadavg()
    print(f"   1 thread each, median of {repeat} runs interleaved; load average "
          f"{before[0]:.1f} before, {after[0]:.1f} after ({os.cpu_count()} cores)")  # fmt: skip
    for name, taken in times.items():
        print(f"   {name:<30} {taken * 1000:8.1f} ms   test accuracy {right[name]:.1%}")
    if torch is None:
        print("   PyTorch: torch not installed: pip install -c constraints.txt -e '.[bench]'")
    ours = times["lessonlib.train"]
    for name, taken in times.items():
        if name != "lessonlib.train":
            print(
                f"   ratio lessonlib / {name.split(',')[0]}: {ours / taken:.2f} (goal: at most 1)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per variant (default 5)")
    parser.add_argument("--parts", default="123", help="which parts to run (default 123)")
    arguments = parser.parse_args()
    parts = {"1": bench_forward, "2": bench_epoch, "3": bench_training}
    for part in arguments.parts:
        parts[part](arguments.repeat)


if __name__ == "__main__":
    main()
