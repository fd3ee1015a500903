"""What several features of the window share: the checkable two-level model and its search
proxy, the selection's Qt adapter, colours from the palette, the clipboard, documentation links,
the endpoint rows' wording, and widget set-up.
"""
