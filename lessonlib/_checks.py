"""Checks at the edges: each turns an argument into a clean numpy value, or names it in an error.

Public functions check what they are given once, where it comes in, and then
trust it: a `Layer` is checked when it is made, the data of `train` before the
first epoch. No numpy traceback ever reaches the reader.

The functions the lessons show keep their bodies to the maths alone: the
decorators `number_or_array` and `checked_by` run the checks before the body
and hand a single number back as a plain Python number.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeAlias, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: A checked array of numbers, whole or not: what `as_array` hands on.
Numbers: TypeAlias = NDArray[np.integer[Any] | np.floating[Any]]

NUMERIC_KINDS = "iuf"  # signed int, unsigned int, float: never bool, complex, str or object
P = ParamSpec("P")
R = TypeVar("R")
K = TypeVar("K")
V = TypeVar("V")


def checked_by(
    check: Callable[P, tuple[object, ...]],
) -> Callable[[Callable[..., R]], Callable[P, R]]:
    """Run ``check`` on the arguments first, then the function on what ``check`` returns.

    ``check`` takes the function's arguments and returns each of them checked, in
    order; the function's body then holds the maths alone.
    A result that is a single number comes back as a plain Python ``int`` or ``float``.
    """

    def decorate(function: Callable[..., R]) -> Callable[P, R]:
        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            return plain(function(*check(*args, **kwargs)))

        return checked

    return decorate


def _one_argument(x: ArrayLike) -> tuple[Numbers]:
    return (as_values(x, "x"),)


def number_or_array(function: Callable[[ArrayLike], R]) -> Callable[[ArrayLike], R]:
    """Let ``function(x)`` take one number or an array of numbers, checked.

    A number in gives a plain Python number out; an array gives an array.
    """
    return checked_by(_one_argument)(function)


def plain(value: R) -> R:
    """A 0-d array or numpy scalar as a plain Python ``int`` or ``float``; anything else as is."""
    if isinstance(value, np.generic) or (isinstance(value, np.ndarray) and value.ndim == 0):
        return value.item()  # type: ignore[no-any-return]
    return value


def as_array(value: object, name: str, ndim: int | tuple[int, ...]) -> Numbers:
    """Return ``value`` as a finite, non-empty numeric array of the given rank."""
    if value is None or isinstance(value, (str, bytes, Mapping)):
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}")
    try:
        array = np.asarray(value)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers: {error}") from None
    if array.dtype.kind not in NUMERIC_KINDS:
        raise TypeError(f"{name} must contain only numbers, got dtype {array.dtype}")
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if array.ndim not in allowed:
        wanted = " or ".join(f"{n}-D" for n in allowed)
        raise ValueError(f"{name} must be a {wanted} array, got {array.ndim}-D shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}")
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return _widened(array)


#: Whole numbers up to this size stay whole: a product of two of them, and a sum of
#: thousands of such products, still fits in a 64-bit integer.
LARGEST_EXACT_WHOLE = 2**26


def _widened(array: NDArray[Any]) -> Numbers:
    """A new copy of ``array`` in 64 bits, so that no sum or square wraps around.

    numpy computes in the type it is given: 5 - 3 in 8-bit unsigned integers is 254.
    So whole numbers become 64-bit integers (printed as they were typed), or floats
    when they are too large to multiply exactly, and other numbers 64-bit floats. The
    copy means a result never shares memory with the caller's array.
    """
    if array.dtype.kind in "iu" and np.abs(array.astype(np.float64)).max() <= LARGEST_EXACT_WHOLE:
        return array.astype(np.int64)
    return array.astype(np.float64)


def as_floats(value: object, name: str, ndim: int | tuple[int, ...]) -> NDArray[np.float64]:
    """`as_array`, as floating-point numbers."""
    return as_array(value, name, ndim).astype(np.float64, copy=False)  # already a new array


def as_values(value: object, name: str) -> Numbers:
    """One number or an array of numbers, of any rank, as a finite numeric array."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number or an array of numbers, got bool")
    if isinstance(value, (int, float, np.generic)):
        number = as_number(value, name)
        return _widened(np.asarray(float(number) if abs(number) > LARGEST_EXACT_WHOLE else number))
    return as_array(value, name, ndim=tuple(range(33)))


def as_number(value: object, name: str) -> int | float:
    """Return ``value`` as a finite Python ``int`` or ``float``."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def as_positive(value: object, name: str) -> float:
    """Return ``value`` as a finite number greater than zero."""
    number = as_number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be greater than 0, got {number}")
    return float(number)


def as_count(
    value: object, name: str, minimum: int = 0, maximum: tuple[int, str] | None = None
) -> int:
    """Return ``value`` as a whole number from ``minimum`` up to ``maximum`` (number, its name)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum[0]:
        raise ValueError(f"{name} must be at most {maximum[1]} ({maximum[0]}), got {value}")
    return int(value)


def as_generator(rng: object, name: str = "rng") -> np.random.Generator:
    """Return ``rng`` if it is a ``numpy.random.Generator``: no global or legacy randomness."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator such as numpy.random.default_rng(0), "
            f"got {type(rng).__name__}"
        )
    return rng


def as_labels(
    value: object, name: str, n_classes: int | None = None, rows: tuple[int, str] | None = None
) -> NDArray[np.intp]:
    """Return ``value`` as a 1-D array of class numbers: whole numbers from 0 (below n_classes).

    With ``rows``, the number of rows and what holds them, one label per row is required.
    """
    labels = as_array(value, name, ndim=1)  # (n_rows,)
    if rows is not None and len(labels) != rows[0]:
        raise ValueError(
            f"{name} has {len(labels)} values but {rows[1]} has {rows[0]} rows; "
            "give one label per row"
        )
    if labels.dtype.kind not in "iu":
        raise TypeError(f"{name} must be whole class numbers, got dtype {labels.dtype}")
    low, high = labels.min(), labels.max()
    if n_classes is not None and (low < 0 or high >= n_classes):
        raise ValueError(
            f"{name} must lie between 0 and {n_classes - 1} (one score per class), "
            f"got values from {low} to {high}"
        )
    if low < 0:
        raise ValueError(f"{name} must be class numbers from 0 up, got {low}")
    return labels.astype(np.intp)


def known(function: object, slopes: Mapping[K, V], name: str) -> K:
    """``function`` if it is one of lessonlib's own, whose slope is known; else a TypeError.

    The one rule for activations and losses alike: ``slopes`` maps each known
    function to its slope (`activations.SLOPES`, `losses.LOSS_SLOPES`).
    """
    for candidate in slopes:
        if function is candidate:
            return candidate
    names = ", ".join(getattr(candidate, "__name__", "?") for candidate in slopes)
    raise TypeError(f"{name} must be one of {names}, got {function!r:.60}")
