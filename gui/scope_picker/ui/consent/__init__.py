"""The consent screen preview: what the app's users will be asked to allow."""
