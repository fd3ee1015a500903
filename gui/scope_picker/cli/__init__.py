"""``scope-picker``: the desktop app's answers on the command line, for scripts and CI.

It shares the Qt-free core with the app and imports no Qt, so it runs on servers without a
display. ``parser`` defines the commands, one module each runs one (``explain``,
``for_endpoints``, ``listing``), ``text`` and ``json_document`` render their answers, and
``main`` runs them; ``console`` holds what they share with the terminal.
"""
