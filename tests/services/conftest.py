"""A meeting of the sample notes with its notice compiled, for the issuing tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.services.importing import import_notes
from minutes_tui.services.notices import compile_and_store
from minutes_tui.store import Archive
from tests.notes import SAMPLE_SHAPED

#: The day the notice is compiled (the tests' own TODAY is the same day).
TODAY = date(2027, 3, 10)


@pytest.fixture
def opened(tmp_path: Path):
    """(archive, store) of the sample meeting, its notice compiled on :data:`TODAY`."""
    archive = Archive(tmp_path / "data").open()
    store = import_notes(archive, SAMPLE_SHAPED).store
    compile_and_store(store, archive.settings, TODAY)
    yield archive, store
    store.close()
    archive.close()
