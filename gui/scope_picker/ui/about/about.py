"""Help > About: what this build is, what its knowledge is based on and how old that is."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from html import escape
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from scope_picker import APP_NAME, __version__
from scope_picker.core.catalogue import Catalogue, Source
from scope_picker.core.third_party import Component, bundled_licences_dir, read_components
from scope_picker.ui.shared.palette import link_colour

LICENCE_NAME = "MIT License"
COPYRIGHT = "Copyright © 2026 Scope Picker developers"
OFFLINE_TEXT = (
    "Scope Picker works offline: it makes no network call until you ask it to go live (Get "
    "token, Try it, Probe), and then talks only to Spotify's accounts and API hosts. It never "
    "asks for, or stores, a client secret, and keeps a token in memory only. Documentation "
    "links open in your browser."
)
TRADEMARK_TEXT = (
    "Spotify is a trademark of Spotify AB. Scope Picker is not affiliated with, "
    "or endorsed by, Spotify."
)


def about_html(catalogue: Catalogue, link_hex: str, licences_dir: Path | None = None) -> str:
    """The About box: versions, the catalogue's sources and their dates, licence, promises,
    and the third-party components with their licences (from ``licences_dir`` when frozen)."""
    sources = "".join(f"<li>{_source_html(source, link_hex)}</li>" for source in catalogue.sources)
    python = ".".join(str(part) for part in sys.version_info[:3])
    return (
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>"
        "<p>Pick the OAuth scopes a Spotify Web API app needs: the endpoints they cover, "
        "the consent wording users see, and the scope string.</p>"
        f"<p><b>Scope catalogue {escape(catalogue.version)}</b>, derived from:</p>"
        f"<ul>{sources}</ul>"
        f"<p>{escape(OFFLINE_TEXT)}</p>"
        f"<p>{escape(COPYRIGHT)}. Released under the {LICENCE_NAME}.</p>"
        f"<p>{escape(TRADEMARK_TEXT)}</p>"
        f"{third_party_html(read_components(licences_dir), licences_dir)}"
        f"<p><small>Qt {escape(qVersion())}, PySide6 {escape(PySide6.__version__)}, "
        f"Python {python}</small></p>"
    )


def third_party_html(components: Sequence[Component], licences_dir: Path | None) -> str:
    """The components the app runs on with their licences, and where the texts are."""
    items = "".join(
        f"<li>{escape(component.name)}: {escape(component.licence)}</li>"
        for component in components
    )
    if licences_dir is None:
        where = "Their licences come with them in the Python environment the app runs from."
    else:
        where = (
            f"Their licence texts are in {licences_dir} (and the licenses folder of the "
            "download); Qt-NOTICE.txt there says how to replace the Qt libraries."
        )
    return f"<p><b>Third-party components</b></p><ul>{items}</ul><p>{escape(where)}</p>"


def _source_html(source: Source, link_hex: str) -> str:
    title = escape(source.title)
    if source.url:
        title = f'<a href="{escape(source.url)}" style="color:{link_hex}">{title}</a>'
    version = f"version {escape(source.version)}, " if source.version else ""
    return f"{title}: {version}captured {escape(source.date)}"


def show_about(parent: QWidget, catalogue: Catalogue) -> None:
    """Show the About box over ``parent``; its icon is the app's."""
    link_hex = link_colour(parent.palette()).name()
    html = about_html(catalogue, link_hex, bundled_licences_dir())
    QMessageBox.about(parent, f"About {APP_NAME}", html)
