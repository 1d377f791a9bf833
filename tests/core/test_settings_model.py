"""Model fields added for the register: the due-soon window setting and a line's reference to a carried task."""

from __future__ import annotations

import pytest

from minutes_tui.core.model import (
    DEFAULT_DUE_SOON_DAYS,
    SETTING_FIELDS,
    Kind,
    Line,
    OfficeSettings,
)
from minutes_tui.core.parser import Rejected, SettingCommand, parse


def test_due_soon_days_defaults_to_seven_and_is_a_setting() -> None:
    assert OfficeSettings().due_soon_days == DEFAULT_DUE_SOON_DAYS == 7
    assert "due_soon_days" in SETTING_FIELDS


@pytest.mark.parametrize(("stored", "expected"), [
    ("10", 10), (14, 14), (" 0 ", 0), ("365", 365),
    ("mười", 7), ("-3", 7), ("400", 7), (None, 7),  # a damaged value is the default, never an error
])
def test_due_soon_days_from_the_settings_file(stored: object, expected: int) -> None:
    assert OfficeSettings.from_dict({"due_soon_days": stored}).due_soon_days == expected


def test_due_soon_days_round_trips_as_a_number() -> None:
    settings = OfficeSettings().with_value("due_soon_days", "21")
    assert settings.due_soon_days == 21
    assert OfficeSettings.from_dict(settings.to_dict()) == settings


@pytest.mark.parametrize("typed", ["/set due_soon_days bảy", "/set due_soon_days -1", "/set due_soon_days 366",
                                   "/set due_soon_days"])
def test_set_due_soon_days_refuses_what_is_not_a_number_of_days(typed: str) -> None:
    parsed = parse(typed)
    assert isinstance(parsed, Rejected) and "sắp đến hạn" in parsed.message


def test_set_due_soon_days() -> None:
    assert parse("/set due_soon_days 10") == SettingCommand("due_soon_days", "10")


def test_a_line_without_reference_is_stored_as_before() -> None:
    line = Line(Kind.TASK, "Việc", ["Văn phòng"], "31/03/2027", id="l1", created=1.0)
    assert "ref" not in line.to_dict()
    assert Line.from_dict(line.to_dict()).ref == ""


def test_a_carried_task_keeps_its_reference() -> None:
    line = Line(Kind.TASK, "Việc", ["Văn phòng"], "31/03/2027", id="l2", created=1.0, ref="m-0309/t-plan")
    assert line.to_dict()["ref"] == "m-0309/t-plan"
    assert Line.from_dict(line.to_dict()) == line
