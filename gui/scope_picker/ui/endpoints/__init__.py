"""The Endpoints pane: what the ticked scopes let the app call, by reference group."""
