"""Store errors: each carries a one-line message fit to show the user."""

from __future__ import annotations

from pathlib import Path

from minutes_tui.errors import UserError


class StoreError(UserError):
    """Base class; ``str(error)`` is a message for the user (Vietnamese)."""


class DataLocked(StoreError):
    def __init__(self, root: Path, owner: str = "") -> None:
        who = f" (tiến trình {owner})" if owner else ""
        super().__init__(
            f"Dữ liệu ở {root} đang được một minutes-tui khác sử dụng{who}. "
            "Hãy đóng cửa sổ đó trước, hoặc dùng --data để chọn thư mục khác."
        )


class CorruptFile(StoreError):
    def __init__(self, path: Path, reason: str, kept_as: Path | None = None) -> None:
        kept = f"; bản hỏng được giữ lại ở {kept_as.name}" if kept_as else ""
        super().__init__(f"Tệp {path} bị hỏng ({reason}){kept}.")
        self.path = path
        self.kept_as = kept_as


class FutureSchema(StoreError):
    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"Tệp {path} được tạo bởi phiên bản minutes-tui mới hơn (lược đồ {version}); "
            "hãy cập nhật minutes-tui."
        )


class WriteFailed(StoreError):
    """A write did not reach the disk (full disk, read-only, permissions)."""

    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(f"Không ghi được vào {path}: {reason}. Dòng vẫn còn trong ô nhập, chưa mất.")
        self.error = error
