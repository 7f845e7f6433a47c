"""How the prose-number rule reads a number: its precision in text, its sign in code."""

from __future__ import annotations

import pytest
from written_numbers import literals, numbers_in


def only(text: str) -> float:
    [number] = numbers_in(text, prose=True)
    return number.value


@pytest.mark.parametrize(
    ("written", "printed", "restated"),
    [
        ("0.31", 0.3125, True),  # rounded to the places written
        ("0.32", 0.3125, False),
        ("0.7615…", 0.76159416, True),  # "…": digits cut, not rounded
        ("0.7616…", 0.76159416, False),
        ("8e+11", 7.963e11, True),  # written to 1e+11
        ("7", 7.0, True),
        ("7", 7.4, True),
        ("7", 7.6, False),
    ],
)
def test_a_number_restates_what_rounds_or_cuts_to_it(
    written: str, printed: float, restated: bool
) -> None:
    [number] = numbers_in(written, prose=True)
    assert number.restates(printed) is restated


def test_prose_reads_signs_lists_and_words() -> None:
    assert only("the error is \u22124") == -4  # a minus sign, as the lessons write it
    assert [n.value for n in numbers_in("3 - 4", prose=True)] == [3, 4]  # a subtraction
    assert [n.value for n in numbers_in("a 1-D array in lab-1-basics.py", prose=True)] == []
    assert only("6,570 weights") == 6570


def test_code_types_in_its_literals_with_their_sign() -> None:
    assert literals("weights = [-1, 2]\nerror = 5 - 3  # 10 in a comment\n") == [-1, 2, 5, 3]
    assert literals('print("7 in a string", 2.5e-3)') == [0.0025]
    assert literals("not python: (") == []
