"""The words of the figures: numbers as drawn, lists as said, activations by name.

Every figure carries a sentence saying what it shows, values included (its alt
text); these helpers write those numbers and lists the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from lessonlib._checks import known
from lessonlib.activations import BY_NAME, SLOPES, Activation


def number_text(value: object) -> str:
    """A number as drawn: whole numbers as integers, others to 4 significant digits."""
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else f"{number:.4g}"


def listed(items: Sequence[str]) -> str:
    """``['a', 'b', 'c']`` as ``'a, b and c'``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def activation_named(value: object, name: str) -> Activation:
    """An activation given as one of lessonlib's functions, or by its name such as ``"tanh"``."""
    if isinstance(value, str):
        if value not in BY_NAME:
            raise ValueError(f"{name} must be one of {sorted(BY_NAME)}, got {value!r}")
        return BY_NAME[value]
    return known(value, SLOPES, name)


def verdicts(start: float, finals: Sequence[float]) -> list[str]:
    """Name each learning rate from where its loss ended: diverged, lowest, or slower."""
    settled = [final for final in finals if final <= start]
    return [
        "too large: diverges"
        if final > start
        else "about right"
        if final == min(settled)
        else "too small: slow"
        for final in finals
    ]
