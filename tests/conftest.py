from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under fixtures/ from the current output (review the diff by hand)",
    )
    parser.addoption(
        "--goppc150",
        default=None,
        help="folder of GoPPC-150 XML files (goppc150-dev): runs the corpus loader checks on it; "
        "the corpora are never in this repository, so without it those checks are skipped",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def goppc150(request: pytest.FixtureRequest) -> str:
    folder = request.config.getoption("--goppc150")
    if not folder:
        pytest.skip("no --goppc150 folder given (the research corpora are not in the repository)")
    return str(folder)
