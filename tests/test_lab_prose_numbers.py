"""Every number in a lab's text is printed or typed in by the code of its section.

The same rule as for the lessons (site_tools/prose_numbers.py), applied to each lab
run as the site runs it (site_tools/lab_page.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_page import file_line, lab_page
from prose_numbers import prose_numbers, sections, unfounded

LABS = sorted((Path(__file__).resolve().parent.parent / "docs" / "labs").glob("lab-*.py"))


@pytest.mark.parametrize("lab", LABS, ids=lambda path: path.stem)
def test_every_number_in_the_text_is_printed_or_typed_in(lab: Path) -> None:
    page = lab_page(lab)
    numbers = prose_numbers(page, {})
    missing = unfounded(numbers, sections(page))
    where = [
        f"{lab.name}:{file_line(lab, page, number.line)} says {number.text!r}" for number in missing
    ]
    assert numbers, "a lab with no number in its text proves nothing here"
    assert not missing, "not printed or typed in by the code of its section: " + "; ".join(where)


def test_a_lab_page_keeps_what_each_cell_printed(tmp_path: Path) -> None:
    lab = tmp_path / "lab-0.py"
    lab.write_text(
        "# %% [markdown]\n# ## Sums\n#\n# Two and two make 4.\n\n# %%\nprint(2 + 2)\n\n"
        '# %% tags=["exercise"]\ndef four():\n    raise NotImplementedError\n\n'
        "# %%\nprint(four())\n\n"
        '# %% [markdown] tags=["solution"]\n# ## Reference solutions\n\n'
        '# %% tags=["solution"]\ndef four():\n    return 2 + 2\n',
        encoding="utf-8",
    )
    page = lab_page(lab)
    assert "```output\n4\n```" in page
    assert "NotImplementedError" not in page  # the solution runs in the blank's place
    assert "Reference solutions" not in page  # as on the site
    assert unfounded(prose_numbers(page, {}), sections(page)) == []
    wrong = page.replace("make 4", "make 5")
    assert [number.text for number in unfounded(prose_numbers(wrong, {}), sections(wrong))] == ["5"]
    assert file_line(lab, page, page.splitlines().index("Two and two make 4.") + 1) == 4
