"""Unexpected errors: the dialog they become and the hook that catches them."""
