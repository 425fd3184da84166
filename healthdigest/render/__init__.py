"""Renderers: one Bulletin (or many) to rich terminal output, Markdown, JSON or JSON Lines."""
