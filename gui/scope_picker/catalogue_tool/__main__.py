"""``python -m scope_picker.catalogue_tool``: runs the command line in ``command``."""

from scope_picker.catalogue_tool.command import main

raise SystemExit(main())
