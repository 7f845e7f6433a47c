"""Every public function, fed the same catalogue of bad input, fails clearly or works.

The functions come from ``lessonlib.__all__``, so a function added later is
covered without editing this file. A valid call of each one is taken from
the first ``>>>`` example in its docstring that calls it; each argument of
that call is then replaced, one at a time, by each bad value of the
catalogue for its kind (an array, a number, a dict of weights, a function,
or any other object). A case passes when the function either

- raises ``ValueError``, ``KeyError`` or ``TypeError`` with a message that
  names the argument, or
- works, when the catalogue allows it: a list instead of an array (or the
  other way round) must give exactly the same answer; a 0-d array or a
  one-element list instead of a number must give the same answer; a shape
  the function may legitimately accept must give an answer with no NaN.

NaN, infinity, strings, empty and ragged arrays, missing and unexpected
keys and non-functions where a function is expected must always raise.
"""

from __future__ import annotations

import contextlib
import copy
import doctest
import inspect
import io
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

import lessonlib

ALLOWED = (ValueError, KeyError, TypeError)


@dataclass(frozen=True)
class Case:
    """One bad value for one argument of one function, and what must happen."""

    function: str
    argument: str
    label: str
    make: Callable[[Any], Any]  # the valid value -> the bad value
    expect: str  # "raise", "same", "raise or same", "raise or sound"

    def id(self) -> str:
        return f"{self.function}-{self.argument}-{self.label}"


# --- a valid call of each public function, from its own docstring ----------------------


def public_functions() -> dict[str, Callable[..., Any]]:
    names = sorted(lessonlib.__all__)
    return {
        name: getattr(lessonlib, name)
        for name in names
        if inspect.isfunction(getattr(lessonlib, name))
    }


def example_call(function: Callable[..., Any]) -> inspect.BoundArguments:
    """The arguments of the first call of ``function`` in its docstring's examples."""
    calls: list[inspect.BoundArguments] = []
    signature = inspect.signature(function)

    def recorder(*args: Any, **kwargs: Any) -> Any:
        if not calls:
            calls.append(signature.bind(*copy.deepcopy(args), **copy.deepcopy(kwargs)))
        return function(*args, **kwargs)

    module = inspect.getmodule(function)
    namespace = {**vars(module), function.__name__: recorder}
    for example in doctest.DocTestParser().get_examples(function.__doc__ or ""):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(example.source, namespace)
        if calls:
            calls[0].apply_defaults()
            return calls[0]
    raise LookupError(f"no >>> example in the docstring of {function.__name__} calls it")


# --- the catalogue, per kind of argument -------------------------------------------------


def kind_of(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return "other"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return "number"
    if isinstance(value, Mapping):
        return "weights"
    if callable(value):
        return "function"
    if isinstance(value, (list, tuple, np.ndarray)) and not hasattr(value, "_fields"):
        with contextlib.suppress(ValueError, TypeError):
            if np.asarray(value).dtype.kind in "iuf":
                return "array"
    return "other"


def _with_element(value: Any, element: float) -> Any:
    """The array with its first element replaced (as floats)."""
    array = np.array(value, dtype=float)
    array.flat[0] = element
    return array if isinstance(value, np.ndarray) else array.tolist()


def _other_form(value: Any) -> Any:
    """A list for an array, an array for a list: the same numbers either way."""
    return value.tolist() if isinstance(value, np.ndarray) else np.asarray(value)


def _one_more_value(value: Any) -> Any:
    array = np.asarray(value)
    return np.concatenate([array, array[..., -1:]], axis=-1)


ARRAY_CASES = [
    ("list or array", _other_form, "same"),
    ("None", lambda v: None, "raise or sound"),
    ("string", lambda v: "1, 2", "raise"),
    ("strings", lambda v: np.full(np.shape(v), "a"), "raise"),
    ("dict", lambda v: {"a": 1}, "raise"),
    ("NaN", lambda v: _with_element(v, math.nan), "raise"),
    ("inf", lambda v: _with_element(v, math.inf), "raise"),
    ("-inf", lambda v: _with_element(v, -math.inf), "raise"),
    ("empty", lambda v: np.array([]), "raise"),
    ("empty rows", lambda v: np.empty((0, *np.shape(v)[-1:])), "raise"),
    ("ragged", lambda v: [[1, 2], [3]], "raise"),
    ("0-d array", lambda v: np.array(np.ravel(v)[0]), "raise or sound"),
    ("one more value", _one_more_value, "raise or sound"),
    ("one more axis", lambda v: np.asarray(v)[np.newaxis], "raise or sound"),
]

NUMBER_CASES = [
    ("0-d array", np.array, "raise or same"),
    (
        "numpy scalar",
        lambda v: np.float64(v) if isinstance(v, float) else np.int64(v),
        "raise or same",
    ),
    ("list of one", lambda v: [v], "raise or same"),
    ("None", lambda v: None, "raise or sound"),
    ("string", lambda v: str(v), "raise"),
    ("NaN", lambda v: math.nan, "raise"),
    ("inf", lambda v: math.inf, "raise"),
    ("-inf", lambda v: -math.inf, "raise"),
    ("empty list", lambda v: [], "raise"),
]

FUNCTION_CASES = [
    ("None", lambda v: None, "raise"),
    ("string", lambda v: "relu", "raise"),
    ("number", lambda v: 1, "raise"),
]

OTHER_CASES = [
    ("string", lambda v: "nonsense", "raise"),
    ("None", lambda v: None, "raise or sound"),
]


# Functions that read only the names in a dict of weights, never the vectors: for them a
# bad vector, or a dict missing a node that a smaller network also lacks, is no error.
NAMES_ONLY = {"hidden_layer_names"}


def weights_cases(
    weights: Mapping[str, Any], names_only: bool
) -> list[tuple[str, Callable[[Any], Any], str]]:
    """Missing and extra keys, and bad weight vectors, for a dict of weights."""
    first = next(iter(weights))
    vector_error = "raise or sound" if names_only else "raise"

    def without(key: str) -> Callable[[Any], Any]:
        return lambda v: {k: w for k, w in v.items() if k != key}

    def replaced(make: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda v: {**v, first: make(v[first])}

    required = {first, "output"}  # node_0 (or node_0_0) and output: every network has them
    cases = [
        (f"missing {key!r}", without(key), "raise" if key in required else vector_error)
        for key in weights
    ]
    return [
        *cases,
        ("lists or arrays", lambda v: {k: _other_form(w) for k, w in v.items()}, "same"),
        ("extra key 'bias'", lambda v: {**v, "bias": v[first]}, "raise"),
        ("extra key 'node_9'", lambda v: {**v, "node_9": v[first]}, "raise"),
        ("empty dict", lambda v: {}, "raise"),
        ("list of vectors", lambda v: list(v.values()), "raise"),
        ("None", lambda v: None, "raise"),
        (f"{first} None", replaced(lambda w: None), vector_error),
        (f"{first} string", replaced(lambda w: "1, 2"), vector_error),
        (f"{first} NaN", replaced(lambda w: _with_element(w, math.nan)), vector_error),
        (f"{first} inf", replaced(lambda w: _with_element(w, math.inf)), vector_error),
        (f"{first} empty", replaced(lambda w: []), vector_error),
        (f"{first} one more weight", replaced(_one_more_value), vector_error),
    ]


def catalogue() -> list[Case]:
    cases = []
    for name, function in public_functions().items():
        try:
            call = example_call(function)
        except Exception as error:  # reported by test_every_function_has_a_valid_example
            del error
            continue
        for argument, value in call.arguments.items():
            kind = kind_of(value)
            if kind == "other" and isinstance(value, str):
                continue  # a label, such as weighted_sum's name: any text is fine
            entries = {
                "array": ARRAY_CASES,
                "number": NUMBER_CASES,
                "function": FUNCTION_CASES,
                "other": OTHER_CASES,
            }.get(kind) or weights_cases(value, names_only=name in NAMES_ONLY)
            cases += [Case(name, argument, label, make, expect) for label, make, expect in entries]
    return cases


CASES = catalogue()


# --- the checks -----------------------------------------------------------------------


def _same(a: Any, b: Any, flat: bool = False) -> bool:
    """Equal answers: the same structure, the same numbers (and plain numbers of one type)."""
    both_tuples = isinstance(a, tuple) and isinstance(b, tuple)  # such as DescentResult
    if both_tuples or (isinstance(a, list) and isinstance(b, list) and not flat):
        return len(a) == len(b) and all(_same(x, y, flat) for x, y in zip(a, b, strict=True))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and type(a) is not type(b):
        return False
    if flat:
        return bool(np.array_equal(np.ravel(a), np.ravel(b)))
    return np.shape(a) == np.shape(b) and bool(np.array_equal(np.asarray(a), np.asarray(b)))


def _has_nan(result: Any) -> bool:
    if isinstance(result, (tuple, list)):
        return any(_has_nan(item) for item in result)
    with contextlib.suppress(TypeError, ValueError):  # not numbers: no NaN to find
        return bool(np.isnan(np.asarray(result, dtype=float)).any())
    return False


def _call(function: Callable[..., Any], arguments: dict[str, Any]) -> Any:
    """What the function returns, or the allowed error it raises (any other error propagates)."""
    try:
        return function(**arguments)
    except ALLOWED as error:
        return error


def _calls(name: str) -> tuple[Callable[..., Any], inspect.BoundArguments]:
    function = public_functions()[name]
    return function, example_call(function)


@pytest.mark.parametrize("name", sorted(public_functions()))
def test_every_function_has_a_valid_example(name: str) -> None:
    function, call = _calls(name)
    result = function(*call.args, **call.kwargs)
    assert not _has_nan(result)


@pytest.mark.parametrize("case", CASES, ids=Case.id)
def test_bad_input_fails_clearly_or_works(case: Case) -> None:
    function, call = _calls(case.function)
    bad = case.make(copy.deepcopy(call.arguments[case.argument]))
    arguments = {**copy.deepcopy(call.arguments), case.argument: bad}  # a fresh rng too
    result = _call(function, arguments)
    if isinstance(result, ALLOWED):
        assert case.expect != "same", f"an equivalent input raised {result!r}"
        assert case.argument in str(result), (
            f"the message does not name {case.argument!r}: {result}"
        )
        return
    assert case.expect != "raise", f"returned {result!r} instead of raising"
    if case.expect == "raise or sound":
        assert not _has_nan(result), f"returned NaN: {result!r}"
    else:
        expected = function(**call.arguments)
        assert _same(result, expected, flat=case.label == "list of one"), (
            f"gave {result!r} where the valid input gives {expected!r}"
        )


def test_the_catalogue_covers_every_kind_of_argument() -> None:
    kinds = {case.argument for case in CASES}
    assert {"x", "weights", "input_data", "learning_rate", "activation"} <= kinds
