"""The README's test commands are the ones CI runs, and its install lines the ones the app
prints, so they cannot drift apart."""

from pathlib import Path

from scope_picker.display_check import DEBIAN_PACKAGES, FEDORA_PACKAGES

ROOT = Path(__file__).resolve().parent.parent
TEST_COMMAND_STARTS = ("python3 -m venv", "xvfb-run")


def _command_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith(TEST_COMMAND_STARTS)]


def test_ci_runs_the_readme_test_commands_in_order() -> None:
    ci_commands = _command_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    readme_commands = _command_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    assert [command.split()[0] for command in ci_commands] == ["python3", "xvfb-run"]
    assert ci_commands == [command for command in readme_commands if command in ci_commands]
    assert set(ci_commands) <= set(readme_commands)


def test_ci_runs_the_gui_tests_again_on_a_real_x_server() -> None:
    [xvfb_command] = [
        line
        for line in _command_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
        if line.startswith("xvfb-run")
    ]
    assert "QT_QPA_PLATFORM=xcb" in xvfb_command
    assert xvfb_command.endswith("-m pytest -m gui")


def test_run_it_gives_the_install_lines_the_app_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    run_it = readme.split("## Run it", 1)[1].split("\n## ", 1)[0]
    assert f"sudo apt-get install {DEBIAN_PACKAGES}  # Debian, Ubuntu" in run_it
    assert f"sudo dnf install {FEDORA_PACKAGES}  # Fedora" in run_it
