"""How the labs' checks call a learner's function and judge what it gives.

Every check of every lab runs the learner's code through `call`, so a mistake
ends in one sentence that names the function and gives the exercise's hint,
not in a traceback from deep inside numpy. `call` hands the function copies of
the check's data, so an in-place update cannot change the expected answer,
and says so if the function changed them. `agrees` compares what the function
gave with what the check expected, shape first.

Plotting and training don't use this module; ``from lessonlib import *`` leaves
it out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["agrees", "call"]

Result = TypeVar("Result")


def call(function: Callable[..., Result], *arguments: object, hint: str) -> Result:
    """Run the learner's ``function`` on copies of ``arguments``; fail in words if it goes wrong.

    >>> call(lambda values: values * 2, np.array([1, 2]), hint="double each value")
    array([2, 4])
    >>> def doubled_in_place(values):
    ...     values *= 2
    ...     return values
    >>> call(doubled_in_place, np.array([1, 2]), hint="double each value")
    Traceback (most recent call last):
    AssertionError: doubled_in_place changed an argument it was given. Compute new arrays (values = values * 2) instead of updating one in place (values *= 2).
    """  # noqa: E501  (a doctest's expected output is one line)
    copies = copy.deepcopy(arguments)
    try:
        result = function(*copies)
    except NotImplementedError:
        raise  # the learner's cell still holds `raise NotImplementedError`
    except Exception as error:
        message = f"{function.__name__} raised {type(error).__name__}: {error}"
        raise AssertionError(f"{message}. {hint}") from error
    if not _unchanged(copies, arguments):
        raise AssertionError(
            f"{function.__name__} changed an argument it was given. Compute new arrays "
            "(values = values * 2) instead of updating one in place (values *= 2)."
        )
    return result


def _unchanged(copies: object, originals: object) -> bool:
    """Whether every array in ``originals``, also inside dicts and sequences, equals its copy."""
    if isinstance(originals, dict):
        return isinstance(copies, dict) and all(
            key in copies and _unchanged(copies[key], originals[key]) for key in originals
        )
    if isinstance(originals, list | tuple):
        return (
            isinstance(copies, list | tuple)
            and len(copies) == len(originals)
            and all(map(_unchanged, copies, originals))
        )
    if isinstance(originals, np.ndarray):
        return isinstance(copies, np.ndarray) and np.array_equal(copies, originals)
    return True


def agrees(got: object, expected: ArrayLike) -> bool:
    """Whether ``got`` has the shape of ``expected`` and, to rounding, its values.

    >>> agrees([20, 6], np.array([20.0, 6.0]))
    True
    >>> agrees(np.array([[20, 6]]), np.array([20, 6]))  # right values, wrong shape
    False
    >>> agrees(None, np.array([20, 6]))
    False
    """
    try:
        values = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False  # None, text, or lists of different lengths
    return values.shape == np.shape(expected) and bool(np.allclose(values, expected))
