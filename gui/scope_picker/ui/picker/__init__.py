"""The Pick endpoints page: tick the calls the app makes, get the fewest scopes, and why."""
