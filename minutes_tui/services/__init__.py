"""Application services: one function per use case, over an open store.

The one rule of the flow: screens and the CLI call services; services call the
pure core, the store and the renderers. A service never opens a meeting of its
own — it is handed the :class:`~minutes_tui.store.MeetingStore` its caller
holds (the app keeps exactly one per meeting file; a CLI command opens one and
closes it), so two writers can never race on one file.

* :mod:`.importing` — a notes file becomes a new meeting.
* :mod:`.notices` — compile the notice and store it as a version; paragraph
  edits and the conflicts when their notes change.
* :mod:`.export` — write the notice or the biên bản as ``.docx`` (and PDF).
"""
