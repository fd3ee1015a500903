"""The frozen CLI's entry point, the same call as the ``scope-picker`` console script.

Frozen beside the window's launcher in the same bundle (packaging/scope-picker.spec), sharing
its runtime; it imports no Qt.
"""

import sys

from scope_picker.cli.main import main

sys.exit(main())
