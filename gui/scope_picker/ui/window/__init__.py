"""The main window: it builds the window from the features and wires them; its actions and
menus, its saved settings and the edits of the selection (paste, import, presets, undo, copy)
live beside it.
"""
