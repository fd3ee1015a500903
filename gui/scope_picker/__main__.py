"""``python -m scope_picker`` starts the desktop app."""

import sys

from scope_picker.app import main

sys.exit(main())
