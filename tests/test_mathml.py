"""The MathML hook: LaTeX in, MathML out, with a negating minus drawn as a sign."""

import pytest
from mathml import group_negative_numbers, on_page_content


@pytest.mark.parametrize(
    ("latex", "grouped"),
    [
        (r"2 \cdot (-1) + 3", r"2 \cdot ({-1}) + 3"),
        (r"-16 \times (-1) = 16", r"{-16} \times ({-1}) = 16"),
        ("= -0.5", "= {-0.5}"),
        ("x - 1", "x - 1"),  # a subtraction stays a subtraction
        ("a -b", "a -b"),
    ],
)
def test_only_a_negating_minus_is_grouped(latex: str, grouped: str) -> None:
    assert group_negative_numbers(latex) == grouped


def test_inline_and_display_formulas_become_mathml() -> None:
    html = (
        '<p><span class="arithmatex">\\(3 \\cdot (-1)\\)</span></p>'
        '<div class="arithmatex">\\[x^2\\]</div>'
    )
    converted = on_page_content(html)
    assert "\\(" not in converted
    assert "\\[" not in converted
    assert converted.count("<math") == 2
    assert 'display="block"' in converted
    # the minus and its 1 share one row, so the browser draws a sign, not a subtraction
    assert "<mrow><mo>&#x02212;</mo><mn>1</mn></mrow>" in converted
