"""Shared test settings: hypothesis profiles.

``ci`` (default, and whenever ``CI`` is set): few examples, no deadline, so the
fuzz suite stays within CI's budget. ``long``: ``HYPOTHESIS_PROFILE=long`` for
a thorough local run.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=False, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=3000, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def exports_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Exports default to the user's Documents folder: never write there from a test."""
    folder = tmp_path_factory.mktemp("exports")
    monkeypatch.setenv("MINUTES_TUI_EXPORTS", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    """The UI language is process-wide (``cli.main(["--lang", "en", …])`` sets it):
    every test starts, and leaves, in the default language."""
    from minutes_tui.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")
