"""The Textual user interface. Imports the core and the store, never the reverse."""
