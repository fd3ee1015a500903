"""Going live in the window: Get token, the token, Try it and Probe (built on ``core.live``).

Imported only when the user first asks to go live; a session that never does loads none of it.
"""
