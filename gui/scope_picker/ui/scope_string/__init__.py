"""The Scope string row: the string itself, Copy, and the format Copy uses."""
