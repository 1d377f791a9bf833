"""Command line (DESIGN.md, stable): scripts and tests rely on it.

    minutes-tui [--data DIR] [--lang vi|en] [--demo]      the app, on the meeting list
    minutes-tui new                                        a new meeting, cursor in capture
    minutes-tui import FILE                                prints the new meeting's id
    minutes-tui list                                       id, date, title, F S T counts
    minutes-tui export MEETING [--out F|DIR|-] [--pdf] [--record] [--force] [--date D]
    minutes-tui tasks … | report … | issue …               follow-up (see cli_followup.py)

Every failure is one line on stderr and a non-zero exit; never a traceback.
Every warning the store gives (a damaged file recovered, a setting that fell
back) is printed on stderr. Messages, argparse's own included, are in the
language of ``--lang`` (read before the rest is parsed), else the saved setting.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import NoReturn

from minutes_tui import __version__
from minutes_tui.crash import write_crash_report
from minutes_tui.errors import UserError
from minutes_tui.i18n import LANGUAGES, argparse_text, set_language, tr
from minutes_tui.locations import crash_dir, data_dir, exports_dir
from minutes_tui.store import Archive, DataLocked, StoreError

EXIT_FAILURE = 1
EXIT_USAGE = 2
#: Exit status after SIGHUP/SIGTERM/SIGINT: 128 + the signal number, as shells report it.
SIGNAL_EXIT_BASE = 128


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One clear line instead of argparse's usage block.
        self.exit(EXIT_USAGE, f"minutes-tui: {message} ({tr('cli.see_help')})\n")


def _translate_argparse() -> None:
    """argparse calls the module-level ``_``/``ngettext`` from gettext for its own
    messages ("usage:", "unrecognized arguments", …): point them at our table."""
    argparse._ = argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: argparse_text(singular if n == 1 else plural)  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    _translate_argparse()
    parser = _Parser(prog="minutes-tui", description=tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"minutes-tui {__version__}",
                        help=tr("cli.help.version"))
    parser.add_argument("--data", metavar="DIR", help=tr("cli.help.data"))
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.help.lang"))
    parser.add_argument("--demo", action="store_true", help=tr("cli.help.demo"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, title=tr("cli.commands"),
                                     metavar="{new,import,list,export,tasks,report,issue}")
    commands.add_parser("new", help=tr("cli.help.new"))
    importing = commands.add_parser("import", help=tr("cli.help.import"))
    importing.add_argument("file", type=Path, help=tr("cli.help.import_file"))
    commands.add_parser("list", help=tr("cli.help.list"))
    export = commands.add_parser("export", help=tr("cli.help.export"))
    export.add_argument("meeting", help=tr("cli.help.meeting"))
    export.add_argument("--out", metavar="FILE|DIR|-", help=tr("cli.help.out"))
    export.add_argument("--pdf", action="store_true", help=tr("cli.help.pdf"))
    export.add_argument("--record", action="store_true", help=tr("cli.help.record"))
    export.add_argument("--force", action="store_true", help=tr("cli.help.force"))
    export.add_argument("--date", metavar="DD/MM/YYYY", type=date_argument, help=tr("cli.help.export_date"))
    from minutes_tui import cli_followup

    cli_followup.add_parsers(commands, date_argument, _Parser)
    return parser


def _early_options(argv: Sequence[str]) -> tuple[str | None, str | None]:
    """``--lang`` (the last valid one) and ``--data`` before argparse sees anything,
    so that even argparse's own errors speak the chosen language."""
    lang: str | None = None
    data: str | None = None
    items = list(argv)
    for index, item in enumerate(items):
        if item == "--":
            break
        name, eq, value = item.partition("=")
        if name not in ("--lang", "--data"):
            continue
        if not eq:
            if index + 1 >= len(items):
                continue
            value = items[index + 1]
        if name == "--lang" and value in LANGUAGES:
            lang = value
        elif name == "--data":
            data = value
    return lang, data


def _saved_language(data: str | None) -> str | None:
    """The language saved in the data folder's settings, if it can be read quietly."""
    try:
        root = data_dir(data) if data != "" else None
        if root is None:
            return None
        from minutes_tui.store.schema import office_settings
        from minutes_tui.store.tinydb_storage import read_tables

        found = read_tables(root / "settings.json")
        office = found[0].get("office", {}).get("1") if found else None
        values, _ = office_settings(office if isinstance(office, dict) else None)
        language = values.get("language")
        return language if language in LANGUAGES else None
    except (OSError, UserError, AttributeError, TypeError, ValueError):
        return None  # any problem is reported, in the default language, by the command itself


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang, early_data = _early_options(argv)
    set_language(lang or _saved_language(early_data) or "vi")
    args = build_parser().parse_args(argv)
    if args.data == "":
        return fail(tr("cli.empty_data"), EXIT_USAGE)
    root = reports_root = data_dir(args.data)
    demo_root: Path | None = None
    try:
        if args.demo:
            root = demo_root = make_demo(Path(args.data) if args.data else None)
        return run(args, root)
    except UserError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return SIGNAL_EXIT_BASE + 2
    except BrokenPipeError:
        # The reader went away (``minutes-tui tasks | head``): stop quietly, as shell tools do.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY | getattr(os, "O_BINARY", 0)), sys.stdout.fileno())
        return SIGNAL_EXIT_BASE + 13
    except Exception as error:  # last resort: a report file, never a traceback
        # Not in a demo folder: it is removed on exit, and the report with it.
        report = write_crash_report(crash_dir(reports_root), error)
        return fail(tr("cli.crash", error=repr(error), report=report or "—"))
    finally:
        if demo_root is not None:
            shutil.rmtree(demo_root, ignore_errors=True)  # throw-away data: gone on exit


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    print(f"minutes-tui: {message}", file=sys.stderr)
    return code


def warn(messages: Sequence[str]) -> None:
    for message in dict.fromkeys(messages):  # each once, in order
        print(f"minutes-tui: {message}", file=sys.stderr)


def _require_archive(root: Path) -> None:
    """Read-only commands never create a data folder: a typo in --data is an error."""
    if not Archive.exists(root):
        raise StoreError(tr("cli.no_archive", path=root))


def run(args: argparse.Namespace, root: Path) -> int:
    command = args.command
    if command not in (None, "new"):
        # A one-shot command builds many small objects (10,000 tasks) and exits: the cyclic
        # garbage collector would only walk them again and again. The app keeps it.
        gc.disable()
    if command == "list":
        _require_archive(root)
        with Archive(root, readonly=True) as archive:
            lines = list_lines(archive)
            warn(archive.take_warnings())
            for line in lines:
                print(line)
        return 0
    if command == "import":
        from minutes_tui.services.importing import import_notes, read_notes_file

        text = read_notes_file(args.file)
        with Archive(root) as archive:
            result = import_notes(archive, text)
            archive.close_meeting(result.store)
            warn(archive.take_warnings() + result.problems)
            print(result.store.id)
        return 0
    if command == "export":
        return export(args, root)
    if command in ("tasks", "report", "issue"):
        from minutes_tui import cli_followup

        _require_archive(root)
        runner = {"tasks": cli_followup.run_tasks, "report": cli_followup.run_report, "issue": cli_followup.run_issue}
        return runner[command](args, root, warn)
    return run_app(args, root, new=command == "new")


def list_lines(archive: Archive) -> list[str]:
    """One meeting a line; the last three columns are findings, shortcomings, tasks."""
    from minutes_tui.core.dates import dmy, parse_date
    from minutes_tui.core.model import Kind

    lines = []
    for summary in archive.list():
        parsed = parse_date(summary.date) if summary.date else None
        date = dmy(parsed) if parsed else "-"
        title = " ".join((summary.title or "-").split())
        counts = (summary.count(Kind.FINDING), summary.count(Kind.SHORTCOMING), summary.count(Kind.TASK))
        lines.append(f"{summary.id}  {date}  {title}  {counts[0]} {counts[1]} {counts[2]}")
    return lines


def date_argument(text: str) -> date:
    """``--date``/``--as-of`` values: ``14/01/2027`` (or ISO); argparse says when it is not a date."""
    from minutes_tui.core.dates import parse_date

    parsed = parse_date(text)
    if parsed is None or not any(ch.isdigit() for ch in text):
        raise argparse.ArgumentTypeError(tr("cli.bad_date", value=text))
    return parsed


def _out_target(value: str | None) -> tuple[Path | None, Path | None, bool]:
    """``--out``: (file, folder, to stdout). ``-`` is stdout; an existing folder (or a
    path ending in a separator) is written into; "" is refused."""
    if value is None:
        return None, None, False
    if value == "":
        raise StoreError(tr("cli.empty_out"))
    if value == "-":
        return None, None, True
    path = Path(value).expanduser()
    if path.is_dir() or value.endswith((os.sep, "/")):
        return None, path, False
    return path, None, False


def export(args: argparse.Namespace, root: Path) -> int:
    from minutes_tui.services.export import export_meeting

    _require_archive(root)
    out, folder, to_stdout = _out_target(args.out)
    if to_stdout and args.pdf:
        raise StoreError(tr("cli.stdout_pdf"))
    if to_stdout and sys.stdout.isatty():
        raise StoreError(tr("cli.stdout_tty"))
    try:
        archive = Archive(root).open()
    except DataLocked:
        archive = Archive(root, readonly=True).open()  # the app is open: export without storing
    try:
        store = archive.open_meeting(archive.resolve(args.meeting))
        scratch = tempfile.mkdtemp(prefix="minutes-tui-out-") if to_stdout else None
        try:
            if scratch is not None:
                out = Path(scratch) / "out.docx"
            exported = export_meeting(store, archive.settings, out,
                                      folder=folder or exports_dir(archive.settings.export_folder),
                                      pdf=args.pdf, record=args.record, force=args.force or to_stdout,
                                      issued=args.date)
        finally:
            archive.close_meeting(store)
            warn(archive.take_warnings() + store.notices.warnings)
        if exported.conflicts:
            warn([tr("cli.conflicts", count=len(exported.conflicts))])
        if scratch is not None:
            try:
                sys.stdout.flush()
                sys.stdout.buffer.write(exported.files[0].read_bytes())
                sys.stdout.buffer.flush()
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
        else:
            for path in exported.files:
                print(path)
    finally:
        archive.close()
    return 0


def run_app(args: argparse.Namespace, root: Path, *, new: bool = False, open_meeting: str | None = None) -> int:
    archive = Archive(root).open()
    try:
        if not args.lang:
            set_language(archive.settings.language)  # validated on load: always a known language
        from minutes_tui.tui.app import MinutesApp  # after the language is set

        if args.demo and not new:
            open_meeting = archive.resolve("last")
        app = MinutesApp(archive, open_meeting=open_meeting, new=new)
        from minutes_tui.tui.signals import exit_on_signals

        with exit_on_signals(app) as caught:
            app.run()
        if caught.signal is not None:
            return SIGNAL_EXIT_BASE + caught.signal
        return app.return_code or 0
    finally:
        archive.close()


def make_demo(parent: Path | None) -> Path:
    """A throw-away data dir holding the demo meeting (removed when the app exits)."""
    from minutes_tui.services.importing import import_notes
    from minutes_tui.store.files import ensure_private_dir

    if parent is not None:
        ensure_private_dir(parent)
    root = Path(tempfile.mkdtemp(prefix="minutes-tui-demo-", dir=parent))
    text = resources.files("minutes_tui.demo").joinpath("demo_meeting.txt").read_text(encoding="utf-8")
    try:
        with Archive(root) as archive:
            archive.close_meeting(import_notes(archive, text).store)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    print(f"minutes-tui: {tr('cli.demo_data', path=root)}", file=sys.stderr)
    return root


if __name__ == "__main__":
    raise SystemExit(main())
