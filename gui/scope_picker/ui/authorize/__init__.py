"""The Authorization URL page: the ticked scopes as a ready authorize URL with PKCE."""
