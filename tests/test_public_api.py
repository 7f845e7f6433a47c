"""The package's public surface: what a reader can import and rely on."""

import inspect
from importlib import resources

import lessonlib

# The names the lessons of chapters 1 and 2 teach; readers of the post look for these.
POST_NAMES = {
    "relu",
    "predict_with_network",
    "predict_with_network2",
    "mean_squared_error",
    "get_error",
    "get_slope",
    "get_mse",
    "gradient_descent",
}


def test_post_names_are_exported() -> None:
    assert set(lessonlib.__all__) >= POST_NAMES


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(lessonlib).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(lessonlib.__all__)
    assert len(lessonlib.__all__) == len(set(lessonlib.__all__))


def test_every_public_function_has_a_runnable_example() -> None:
    for name in lessonlib.__all__:
        value = getattr(lessonlib, name)
        if inspect.isfunction(value):
            assert value.__doc__ is not None, f"{name} needs a docstring"
            assert ">>>" in value.__doc__, f"{name} needs a >>> example"


def test_package_is_typed() -> None:
    assert resources.files("lessonlib").joinpath("py.typed").is_file()


def test_importing_lessonlib_does_not_import_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, lessonlib; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
