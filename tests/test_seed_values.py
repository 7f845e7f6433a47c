"""Every value the source post printed is printed again by its lesson today.

The values are the post's own (shared/seed, "Introduction to Deep Learning",
2017), in today's Python and numpy formatting. Each is looked for in what the
lesson's code actually prints when run now, and in the output the page shows.
"""

from functools import cache
from pathlib import Path

import pytest
from checked_output import run_block
from lesson_source import code_blocks

from lessonlib import gradient_descent

DOCS = Path(__file__).resolve().parent.parent / "docs"

SEED_VALUES = [
    ("basics/forward-propagation.md", "[5 1]"),
    ("basics/forward-propagation.md", "9"),
    ("basics/activation-functions.md", "[0.9999092  0.76159416]"),
    ("basics/activation-functions.md", "1.2382242525694254"),
    ("basics/relu.md", "[3 9]"),
    ("basics/relu.md", "-3"),
    ("basics/many-rows.md", "[20, 6, 0, 44]"),
    ("basics/multi-layer-networks.md", "[26  0]"),
    ("basics/multi-layer-networks.md", "[ 0 52]"),
    ("basics/multi-layer-networks.md", "364"),
    ("optimization/weight-changes.md", "6"),
    ("optimization/weight-changes.md", "0"),
    ("optimization/mean-squared-error.md", "[1, 3, 5, 7]"),
    ("optimization/mean-squared-error.md", "37.500000"),
    ("optimization/mean-squared-error.md", "49.890625"),
    ("optimization/gradient-descent.md", "[14 28 42]"),
    ("optimization/gradient-descent.md", "7"),
    ("optimization/gradient-descent.md", "5.04"),
]


def shows(value: str, text: str) -> bool:
    """True when ``value`` is a whole line of ``text``, or ends a line after a label."""
    return any(line == value or line.endswith(" " + value) for line in text.splitlines())


@cache
def printed_and_shown(page: str) -> tuple[str, str]:
    """What the page's code prints when run now, and what the page's output fences show."""
    path = DOCS / page
    blocks = code_blocks(path.read_text(), str(path))
    printed = "".join(run_block(block, str(path)) for block in blocks)
    shown = "".join(block.output or "" for block in blocks)
    return printed, shown


@pytest.mark.parametrize(("page", "value"), SEED_VALUES, ids=[f"{p}:{v}" for p, v in SEED_VALUES])
def test_seed_value_is_printed_and_shown(page: str, value: str) -> None:
    printed, shown = printed_and_shown(page)
    assert shows(value, printed), f"{page} no longer prints {value!r}"
    assert shows(value, shown), f"{page} does not show {value!r} in an output fence"


def test_multiple_updates_completes_the_post() -> None:
    """The section the post left empty: 20 updates whose loss falls every time."""
    result = gradient_descent([1, 2, 3], 0, [0, 2, 1], learning_rate=0.01, n_updates=20)
    assert len(result.mse_history) == 20
    assert all(b < a for a, b in zip(result.mse_history, result.mse_history[1:], strict=False))
    printed, _ = printed_and_shown("optimization/multiple-updates.md")
    assert shows("falls at every update: True", printed)
    assert printed.count("mean squared error") == 20


def test_shows_matches_whole_values_only() -> None:
    assert shows("9", "9\n")
    assert shows("37.500000", "Mean squared error with weights_0: 37.500000\n")
    assert not shows("9", "19\n")
    assert not shows("5.04", "5.041\n")
