"""Going live on the user's request: a real token for the ticked scopes and requests with it.

Nothing here runs, or is even imported, until the user asks to go live; then only Spotify's
accounts and API hosts are contacted (``hosts``). ``listener`` receives the browser's redirect on
the loopback redirect URI, ``flow`` runs one Get-token attempt (PKCE, fresh ``state``),
``tokens`` trades the code and refreshes, holding the token in memory only, ``transport`` is the
one place that opens a connection, ``api`` sends a request to the Web API, ``explain`` says
what an error answer means in the catalogue's terms, and ``probe`` compares Spotify's answers
with the catalogue's predictions. Import the modules themselves: this one names nothing, so
importing it costs nothing.
"""
