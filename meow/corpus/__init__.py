"""Exports in, sessions out: readers per format, text repair, sessions, corpus files."""
