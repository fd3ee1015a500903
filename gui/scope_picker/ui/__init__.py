"""Qt widgets and models: thin views over the core, one subpackage per thing the user sees.

Feature packages import the core, ``shared`` and Qt, never each other; ``window`` assembles
them (the rules are import contracts in pyproject.toml, checked by tests/test_layers.py).
"""
