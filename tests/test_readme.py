"""The README's test command is the one CI runs, so the two cannot drift apart."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _command_lines(text: str) -> set[str]:
    return {
        line.strip() for line in text.splitlines() if line.strip().startswith("python3 -m venv")
    }


def test_ci_runs_the_readme_test_command() -> None:
    ci_commands = _command_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    readme_commands = _command_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(ci_commands) == 1
    assert ci_commands <= readme_commands
