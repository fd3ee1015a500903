"""The maintainers' catalogue tool: Spotify's sources in, ``resources/catalogue.json`` out.

Run as ``python -m scope_picker.catalogue_tool`` (see ``command``). It extracts the Scopes page
and the OpenAPI description into snapshot files, builds the catalogue from the snapshots and
the one overlay of hand decisions, and compares snapshots. Plain Python; the app never
imports it.
"""
