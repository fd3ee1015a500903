"""The Scopes pane and the Details pane under it: the checkable tree of scopes by category,
and everything known about the scope under the cursor.
"""
