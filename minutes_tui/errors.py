"""The one base of every error meant for the user: ``str(error)`` is the message.

Each layer raises its own subclass (``StoreError`` from the store,
``RenderError`` from the renderers); the CLI and the screens catch this base and
show the message — never a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """An error whose text is a complete, one-line message for the user."""


class RenderError(UserError):
    """A document could not be produced (LibreOffice missing, conversion failed)."""
