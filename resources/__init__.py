"""Data files Scope Picker reads at run time: the scope catalogue and the app icon.

This folder is installed as the ``scope_picker.resources`` package, so that
``scope_picker.core.resources`` finds the files beside this module the same way in a
checkout, an installed wheel and a frozen bundle.
"""
