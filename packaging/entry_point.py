"""The frozen app's entry point, the same call as the ``spotify-scope-picker`` script.

PyInstaller gets this instead of ``scope_picker/__main__.py``: given a script inside a package,
it would analyse the package from the source tree, where ``scope_picker.resources`` does not
exist; from here it imports the installed package, laid out as in a wheel.
"""

import sys

from scope_picker.app import main

sys.exit(main())
