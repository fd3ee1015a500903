"""Why the picked endpoints lead to the ticked scopes, and the choices left to the user."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.catalogue import AppMode, Endpoint, LibraryItem
from scope_picker.core.coverage import unavailable_text
from scope_picker.core.endpoint_plan import NOT_NEEDED, EndpointPlan
from scope_picker.core.least_scopes import ScopeChoice
from scope_picker.ui.shared.widgets import describe, tab_stops
from scope_picker.ui.shared.wording import plural, sentence

NOTHING_PICKED_TEXT = (
    "Tick the endpoints your app will call. The scopes they need then replace the ticked "
    "scopes, and this panel says why each one is there."
)


LIBRARY_ITEM_CHOICES: dict[str, tuple[str, frozenset[LibraryItem]]] = {
    "saved": (
        "Songs, albums, podcasts and audiobooks",
        frozenset(
            {
                LibraryItem.TRACKS,
                LibraryItem.ALBUMS,
                LibraryItem.EPISODES,
                LibraryItem.SHOWS,
                LibraryItem.AUDIOBOOKS,
            }
        ),
    ),
    "followed": (
        "Artists and people to follow",
        frozenset({LibraryItem.ARTISTS, LibraryItem.USERS}),
    ),
    "playlists": ("Playlists to follow", frozenset({LibraryItem.PLAYLISTS})),
}
"""The library endpoints' kinds of item in the user's words, each with the kinds it stands for."""


def _text(html: str, name: str) -> QLabel:
    label = QLabel(html)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _endpoint_names(endpoints: Sequence[Endpoint]) -> str:
    return ", ".join(escape(endpoint.name) for endpoint in endpoints)


class PickReasons(QScrollArea):
    """Reasons, choices (radio buttons), optional scopes (check boxes) and warnings.

    The contents are rebuilt from the plan after each change. The control whose signal
    changed the plan is still handling its click or key press then, so the old contents
    are moved out of the window (focus cannot go back to them) and deleted later, and the
    focus goes to the new control of the same name.
    """

    choice_made = Signal(tuple, str)
    library_items_chosen = Signal(frozenset)
    optional_toggled = Signal(str, bool)
    untick_unneeded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        describe(
            self,
            "pickReasons",
            "Why these scopes",
            "Why each ticked scope is needed by the picked endpoints, and the choices you have",
        )
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._plan: EndpointPlan | None = None
        self._unneeded: tuple[str, ...] = ()
        self._focus_hint: str | None = None
        self._retired = QWidget()  # never shown: holds old contents until they are deleted
        self._contents_widget = self._contents()
        self.setWidget(self._contents_widget)

    def show_plan(self, plan: EndpointPlan, unneeded: Sequence[str]) -> None:
        """Explain ``plan``; ``unneeded`` are the ticked scopes no picked endpoint uses."""
        self._plan = plan
        self._unneeded = tuple(unneeded)
        self._rebuild()

    def _rebuild(self) -> None:
        focused = QApplication.focusWidget()
        old = self.takeWidget()
        focus_name = focused.objectName() if focused and old.isAncestorOf(focused) else None
        # An arrow key checks the next radio button before moving the focus to it.
        focus_name, self._focus_hint = self._focus_hint or focus_name, None
        old.setParent(self._retired)
        old.deleteLater()
        self._contents_widget = self._contents()
        self.setWidget(self._contents_widget)
        previous: QWidget = self
        for control in tab_stops(self._contents_widget):
            QWidget.setTabOrder(previous, control)
            previous = control
        if focus_name is not None:
            target = self._contents_widget.findChild(QWidget, focus_name)
            (target or self).setFocus(Qt.FocusReason.OtherFocusReason)

    def _contents(self) -> QWidget:
        content = QWidget()
        content.setObjectName("pickReasonsContents")
        layout = QVBoxLayout(content)
        plan = self._plan
        if plan is None or not plan.picked:
            layout.addWidget(_text(escape(NOTHING_PICKED_TEXT), "pickReasonsIntro"))
            self._add_unneeded(layout)
            layout.addStretch(1)
            return content
        result = plan.result
        # Open choices first: they ask for an answer, and a short pane shows them unscrolled.
        for choice in result.choices:
            if choice.chosen is not None:
                layout.addWidget(self._choice_box(choice))
        heading = (
            f"<b>{plural(len(result.scopes), 'scope')} needed by "
            f"{plural(len(plan.picked), 'picked endpoint')}</b>"
        )
        if result.scopes:
            items = "".join(
                f"<li><b>{escape(name)}</b>: {escape(result.needed_by(name))}</li>"
                for name in result.scopes
            )
            layout.addWidget(_text(f"{heading}<ul>{items}</ul>", "pickReasonsScopes"))
        else:
            layout.addWidget(
                _text(
                    f"{heading}<p>None of the picked endpoints needs a scope.</p>",
                    "pickReasonsScopes",
                )
            )
        for choice in result.choices:
            if choice.chosen is None:
                settled = ", ".join(result.settled_by(choice))
                layout.addWidget(
                    _text(
                        f"{escape(' or '.join(choice.options))} for "
                        f"{_endpoint_names(choice.endpoints)}: settled by "
                        f"<b>{escape(settled)}</b>, which is needed anyway.",
                        "settledChoice",
                    )
                )
        if any(e.requirement.by_item for e in plan.picked if e not in dict(result.unavailable)):
            layout.addWidget(self._library_box(plan))
        if result.optional:
            layout.addWidget(self._optional_box(plan))
        self._add_mode_notes(layout, plan)
        deprecated = [e for e in plan.picked if e.deprecated]
        if deprecated:
            items = "".join(
                f"<li><b>{escape(e.name)}</b> ({escape(e.label)}): "
                f"{escape(e.deprecation_note or 'Deprecated.')}"
                + (f" <i>{escape(plan.catalogue.deprecation_mark(e))}</i>" if e.replaced_by else "")
                + "</li>"
                for e in deprecated
            )
            layout.addWidget(
                _text(f"<b>Deprecated picked endpoints</b><ul>{items}</ul>", "pickedDeprecated")
            )
        self._add_unneeded(layout)
        layout.addStretch(1)
        return content

    def _choice_box(self, choice: ScopeChoice) -> QGroupBox:
        key = "+".join(choice.options)
        box = QGroupBox("Choose one")  # a group box title never wraps: keep it short
        describe(
            box,
            f"choice:{key}",
            "Choose between " + " and ".join(choice.options),
            "One of these scopes is enough; which one depends on what your app does",
        )
        layout = QVBoxLayout(box)
        note = f" {escape(sentence(choice.note))}" if choice.note else ""
        layout.addWidget(
            _text(
                f"<b>{escape(' or '.join(choice.options))}</b> for "
                f"{_endpoint_names(choice.endpoints)}.{note}",
                f"choiceNote:{key}",
            )
        )
        group = QButtonGroup(box)
        for option in choice.options:
            radio = QRadioButton(option)
            radio_name = f"choice:{key}:{option}"
            describe(
                radio,
                radio_name,
                f"Use {option}",
                f"Ask for {option} to call {', '.join(e.name for e in choice.endpoints)}",
            )
            radio.setChecked(option == choice.chosen)
            group.addButton(radio)
            layout.addWidget(radio)
            radio.toggled.connect(
                lambda checked, name=radio_name, options=choice.options, scope=option: (
                    self._choose(name, options, scope) if checked else None
                )
            )
        return box

    def _library_box(self, plan: EndpointPlan) -> QGroupBox:
        box = QGroupBox("What your app saves to the library")
        describe(
            box,
            "libraryItems",
            "What your app saves to the library",
            "Each kind of item needs its own scope on the library endpoints",
        )
        layout = QVBoxLayout(box)
        for key, (label, kinds) in LIBRARY_ITEM_CHOICES.items():
            check = QCheckBox(label)
            name = f"libraryItems:{key}"
            describe(check, name, label, f"The app saves, removes or checks {label.lower()}")
            check.setChecked(bool(kinds & plan.library_items))
            check.toggled.connect(
                lambda checked, control=name, chosen=kinds: self._choose_items(
                    control, plan.library_items | chosen if checked else plan.library_items - chosen
                )
            )
            layout.addWidget(check)
        return box

    def _choose_items(self, control_name: str, items: frozenset[LibraryItem]) -> None:
        if not items:  # at least one kind: put the box back as it was
            self._rebuild()
            return
        self._focus_hint = control_name
        self.library_items_chosen.emit(items)

    def _add_mode_notes(self, layout: QVBoxLayout, plan: EndpointPlan) -> None:
        result = plan.result
        rules = plan.catalogue.development_mode
        if result.unavailable:
            items = "".join(
                f"<li><b>{escape(e.name)}</b> ({escape(e.label)}): "
                f"{escape(unavailable_text(removed))}"
                + (
                    f", use {escape(plan.catalogue.endpoint(removed.use_instead).label)}"
                    if removed.use_instead
                    else ""
                )
                + f" ({escape(removed.source)})</li>"
                for e, removed in result.unavailable
            )
            limits = " ".join(escape(fact.text) for fact in rules.account_limits)
            layout.addWidget(
                _text(
                    f"<b>Unavailable in {AppMode.DEVELOPMENT.display_name}</b><ul>{items}</ul>"
                    f"<p>These ask for no scope. {limits} Choose Extended quota mode in the "
                    "View menu if your app has it.</p>",
                    "pickedUnavailable",
                )
            )
        if result.rules:
            items = "".join(
                f"<li><b>{escape(e.name)}</b>: {escape(rule.text)}</li>" for e, rule in result.rules
            )
            layout.addWidget(
                _text(f"<b>In Development mode</b><ul>{items}</ul>", "pickedModeRules")
            )

    def _choose(self, control_name: str, options: tuple[str, ...], scope: str) -> None:
        self._focus_hint = control_name
        self.choice_made.emit(options, scope)

    def _optional_box(self, plan: EndpointPlan) -> QGroupBox:
        box = QGroupBox("Optional scopes")
        describe(
            box,
            "optionalScopes",
            "Optional scopes",
            "Scopes the picked endpoints work without; tick one to ask for it too",
        )
        layout = QVBoxLayout(box)
        for scope in plan.result.optional:
            check = QCheckBox(scope)
            adds = "; ".join(f"{unlocks} ({e.name})" for e, unlocks in plan.result.adds(scope))
            describe(check, f"optional:{scope}", f"Also ask for {scope}", f"Adds {adds}")
            check.setChecked(plan.wants_optional(scope))
            check.toggled.connect(
                lambda checked, name=scope: self.optional_toggled.emit(name, checked)
            )
            layout.addWidget(check)
            layout.addWidget(_text(f"Not needed; adds {escape(adds)}", f"optionalNote:{scope}"))
        return box

    def _add_unneeded(self, layout: QVBoxLayout) -> None:
        if not self._unneeded:
            return
        names = ", ".join(self._unneeded)
        layout.addWidget(
            _text(f"<b>Ticked, but {escape(NOT_NEEDED)}:</b> {escape(names)}", "unneededScopes")
        )
        button = QPushButton("Untick " + ("It" if len(self._unneeded) == 1 else "Them"))
        describe(button, "untickUnneededButton", "Untick unneeded scopes", f"Untick {names}")
        button.clicked.connect(self.untick_unneeded)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
