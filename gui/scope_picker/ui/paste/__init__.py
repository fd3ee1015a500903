"""Scope strings coming in: the paste report and the Import dialog."""
