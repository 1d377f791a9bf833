from __future__ import annotations

from pathlib import Path

import pytest

from minutes_tui.store import Archive


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def reopen_texts(root: Path) -> list[tuple[str, str, list[str], str]]:
    """What is on disk for the newest meeting: (kind, text, owners, deadline)."""
    with Archive(root, readonly=True) as archive:
        store = archive.open_meeting(archive.resolve("last"))
        return [(line.kind.value, line.text, line.owners, line.deadline) for line in store.meeting.lines]
