"""Store errors: each carries a one-line message fit to show the user (``tr``)."""

from __future__ import annotations

from pathlib import Path

from minutes_tui.errors import UserError
from minutes_tui.i18n import tr


class StoreError(UserError):
    """Base class; ``str(error)`` is a message for the user in the current language."""


class DataLocked(StoreError):
    def __init__(self, root: Path, owner: str = "") -> None:
        who = tr("store.locked_by", pid=owner) if owner else ""
        super().__init__(tr("store.locked", root=root, who=who))


class CorruptFile(StoreError):
    """A data file that does not load. ``reason`` is one of the ``store.reason.*`` keys."""

    def __init__(self, path: Path, reason: str, kept_as: Path | None = None, detail: str = "") -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        self.kept_as = kept_as
        super().__init__(self._message())

    def _message(self) -> str:
        reason = tr(f"store.reason.{self.reason}")
        if self.detail:
            reason = f"{reason}: {self.detail}"
        kept = tr("store.kept_as", name=self.kept_as.name) if self.kept_as else ""
        return tr("store.corrupt", path=self.path, reason=reason, kept=kept)

    def set_aside_as(self, kept_as: Path) -> CorruptFile:
        """The same damage, now that the file has been renamed out of the way."""
        return CorruptFile(self.path, self.reason, kept_as, self.detail)


class UnsafeFile(StoreError):
    """A data file that is a link, a directory, a FIFO or a device: never used."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        super().__init__(tr("store.unsafe_file", path=path, kind=tr(f"store.file_kind.{kind}")))


class UnreadableFile(StoreError):
    """A data file the system refuses to read (permissions, I/O error)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.error = error
        super().__init__(tr("store.unreadable", path=path, reason=error.strerror or str(error)))


class FutureSchema(StoreError):
    def __init__(self, path: Path, version: int) -> None:
        super().__init__(tr("store.future_schema", path=path, version=version))


class WriteFailed(StoreError):
    """A write did not reach the disk (full disk, read-only, permissions)."""

    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(tr("store.write_failed", path=path, reason=reason))
        self.error = error


class FileChanged(StoreError):
    """The file on disk is not the version this process read or wrote last:
    something else rewrote it, and overwriting would lose its changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(tr("store.file_changed", path=path))


class ReadOnly(StoreError):
    def __init__(self) -> None:
        super().__init__(tr("store.readonly"))
