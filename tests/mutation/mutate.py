"""Mutation testing of the domain core: how much of what the core does do its tests pin?

A small AST mutator (mutmut 3 cannot run against the strict editable install). For each core
module it makes every mutant one operator at a time (a comparison turned round, ``and`` for
``or``, a number off by one, a string changed, a ``not`` dropped, a statement removed, ...),
then runs the core tests that import that module against the mutant, stopping at the first
failure. A mutant the tests fail on is killed; one they pass is a survivor, which either
changes nothing a user can see (an equivalent mutant, explained in
tests/mutation/SURVIVORS.md) or is behaviour no test pins.

Not part of the suite (it takes minutes). From the repository root, with the venv set up::

    .venv/bin/python tests/mutation/mutate.py             # the default modules, 2 processes
    .venv/bin/python tests/mutation/mutate.py gui/scope_picker/core/search.py --jobs 1

It prints the score and each survivor (module, line, what was changed) and exits 1 when the
score is below ``--fail-under`` (default 95). The installed package is never modified: each
test run imports the mutated module from a temporary file (tests/mutation/apply_mutant.py),
with Hypothesis on its derandomised ``ci`` profile so that runs repeat.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import queue
import re
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_ROOT = ROOT / "gui"
CORE = SOURCE_ROOT / "scope_picker" / "core"
CORE_TESTS = ROOT / "tests" / "core"
LIVE_TESTS = ROOT / "tests" / "live"
# Package __init__ files only name their parts.
EXCLUDED = ("__init__.py",)
MAX_JOBS = 2


@dataclass(frozen=True)
class Mutant:
    """One change to one module: where, and what it did."""

    module: str
    path: Path
    number: int
    line: int
    description: str
    source: str
    # The innermost statement holding the change, first and last line: only a test that runs
    # one of these lines can see the change...
    statement: tuple[int, int]
    # ...unless the statement runs when the module is imported (outside any function) or in a
    # cached property: then every test of the module may depend on it.
    import_time: bool


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    killed: bool
    reason: str


# --- making mutants ----------------------------------------------------------------------

_COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.Mult,
    ast.Pow: ast.Mult,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """The ids of string statements (docstrings of modules, classes, functions and, after an
    assignment, of attributes) and of decorators: documentation and declarations
    (``@dataclass(frozen=True)``), not behaviour a test can see."""
    found: set[int] = set()
    for node in ast.walk(tree):
        value = node.value if isinstance(node, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.update((id(node), id(value)))
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                found.update(id(inner) for inner in ast.walk(decorator))
    return found


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """Ids of every node inside a type annotation (never evaluated: postponed annotations)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        annotations: list[ast.expr | None] = []
        if isinstance(node, ast.AnnAssign | ast.arg):
            annotations.append(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            annotations.append(node.returns)
        for annotation in annotations:
            if annotation is not None:
                found.update(id(inner) for inner in ast.walk(annotation))
    return found


def _mutations(node: ast.AST) -> Iterator[tuple[str, Callable[[ast.AST], ast.AST | None]]]:
    """(description, change) for each way this node can be mutated; a change edits a copy of
    the node and returns what replaces it (None removes a statement)."""
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            other = _COMPARISONS.get(type(op))
            if other is not None:

                def swap(n: ast.AST, i: int = i, other: type[ast.cmpop] = other) -> ast.AST:
                    assert isinstance(n, ast.Compare)
                    n.ops[i] = other()
                    return n

                yield f"{type(op).__name__} -> {other.__name__}", swap
    elif isinstance(node, ast.BoolOp):
        other_bool: type[ast.boolop] = ast.Or if isinstance(node.op, ast.And) else ast.And

        def flip(n: ast.AST) -> ast.AST:
            assert isinstance(n, ast.BoolOp)
            n.op = other_bool()
            return n

        yield f"{type(node.op).__name__} -> {other_bool.__name__}", flip
    elif isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        other_op = _ARITHMETIC[type(node.op)]

        def arithmetic(n: ast.AST) -> ast.AST:
            assert isinstance(n, ast.BinOp)
            n.op = other_op()
            return n

        yield f"{type(node.op).__name__} -> {other_op.__name__}", arithmetic
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "not x -> x", lambda n: n.operand if isinstance(n, ast.UnaryOp) else n
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield "-x -> x", lambda n: n.operand if isinstance(n, ast.UnaryOp) else n
    elif isinstance(node, ast.Constant):
        yield from _constant_mutations(node)
    elif isinstance(node, ast.Return) and node.value is not None:
        if not (isinstance(node.value, ast.Constant) and node.value.value is None):
            yield "return x -> return None", lambda _node: ast.Return(value=ast.Constant(None))
    elif isinstance(node, ast.Break):
        yield "break -> continue", lambda _node: ast.Continue()
    elif isinstance(node, ast.Continue):
        yield "continue -> break", lambda _node: ast.Break()
    if isinstance(node, ast.Expr | ast.Assign | ast.AugAssign | ast.Raise):
        yield f"{type(node).__name__} statement removed", lambda _node: None
    if isinstance(node, ast.If):

        def negate(n: ast.AST) -> ast.AST:
            assert isinstance(n, ast.If)
            n.test = ast.UnaryOp(op=ast.Not(), operand=n.test)
            return n

        yield "if x -> if not x", negate


def _constant_mutations(
    node: ast.Constant,
) -> Iterator[tuple[str, Callable[[ast.AST], ast.AST | None]]]:
    value = node.value
    if isinstance(value, bool):
        yield f"{value} -> {not value}", lambda _node: ast.Constant(not value)
    elif isinstance(value, int | float):
        yield f"{value!r} -> {value + 1!r}", lambda _node: ast.Constant(value + 1)
        if value != 0:
            yield f"{value!r} -> 0", lambda _node: ast.Constant(type(value)(0))
    elif isinstance(value, str):
        changed = "XX" + value + "XX"
        yield f"{_short(value)} -> {_short(changed)}", lambda _node: ast.Constant(changed)
        if value:
            yield f"{_short(value)} -> ''", lambda _node: ast.Constant("")


def _short(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."


class _Apply(ast.NodeTransformer):
    """Applies the ``target``-th mutation point (counting as ``_mutations`` yields them)."""

    def __init__(self, target: int, skip: set[int]) -> None:
        self.target = target
        self.skip = skip
        self.seen = 0
        self.applied: tuple[int, str] | None = None
        self.statement = (0, 0)
        self.import_time = True
        self._statements: list[ast.stmt] = []

    def visit(self, node: ast.AST) -> ast.AST | None:
        if id(node) in self.skip:
            return node
        if isinstance(node, ast.stmt):
            self._statements.append(node)
        try:
            for description, change in _mutations(node):
                if self.seen == self.target:
                    self.applied = (getattr(node, "lineno", 0), description)
                    self._note_where()
                    self.seen += 1
                    return change(node)
                self.seen += 1
            return self.generic_visit(node)
        finally:
            if isinstance(node, ast.stmt):
                self._statements.pop()

    def _note_where(self) -> None:
        innermost = self._statements[-1]
        self.statement = (innermost.lineno, innermost.end_lineno or innermost.lineno)
        functions = [
            statement
            for statement in self._statements[:-1]
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        self.import_time = not functions or any(
            isinstance(decorator, ast.Name) and decorator.id == "cached_property"
            for function in functions
            for decorator in function.decorator_list
        )


def _count_points(tree: ast.AST, skip: set[int]) -> int:
    counter = _Apply(-1, skip)  # applies nothing: the tree comes back as it was
    counter.visit(tree)
    return counter.seen


def make_mutants(path: Path) -> list[Mutant]:
    """Every single-change mutant of one module, as source text."""
    module = ".".join(path.relative_to(SOURCE_ROOT).with_suffix("").parts)
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    mutants = []
    total = _count_points(tree, _docstring_nodes(tree) | _annotation_nodes(tree))
    for number in range(total):
        fresh = ast.parse(text)
        applier = _Apply(number, _docstring_nodes(fresh) | _annotation_nodes(fresh))
        mutated = applier.visit(fresh)
        assert applier.applied is not None
        assert mutated is not None
        line, description = applier.applied
        source = ast.unparse(ast.fix_missing_locations(_keep_bodies(mutated)))
        mutants.append(
            Mutant(
                module,
                path,
                number,
                line,
                description,
                source,
                applier.statement,
                applier.import_time,
            )
        )
    return mutants


def _keep_bodies(tree: ast.AST) -> ast.AST:
    """A removed statement may leave a block empty; ``pass`` keeps it valid Python (a
    ``finally`` block too, when the ``try`` has no ``except`` to stand on)."""
    for node in ast.walk(tree):
        block = getattr(node, "body", None)
        if isinstance(block, list) and not block:
            block.append(ast.Pass())
        if isinstance(node, ast.Try) and not node.handlers and not node.finalbody:
            node.finalbody.append(ast.Pass())
    return tree


# --- running the tests ---------------------------------------------------------------------


def tests_for(module: str) -> list[Path]:
    """The core (and, for going live, live) test files that import the module or the package
    that names its parts."""
    names = {module}
    parts = module.split(".")
    if len(parts) > 3:  # scope_picker.core.authorize.pkce is imported as ...core.authorize
        names.add(".".join(parts[:3]))
    found = []
    for test in sorted([*CORE_TESTS.glob("test_*.py"), *LIVE_TESTS.glob("test_*.py")]):
        text = test.read_text(encoding="utf-8")
        if any(re.search(rf"\b{re.escape(name)}\b(?!\.)", text) for name in names):
            found.append(test)
    return found


class Worker:
    """One tests/mutation/mutant_worker.py process, restarted when a mutant hangs it."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._process: subprocess.Popen[str] | None = None

    def _started(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("mutant_worker.py"))],
                cwd=ROOT,
                env=os.environ | {"HYPOTHESIS_PROFILE": "ci", "PYTHONDONTWRITEBYTECODE": "1"},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        return self._process

    def run(
        self,
        module: str,
        source: str,
        tests: Sequence[Path],
        timeout: float,
        only: Sequence[str] | None = None,
    ) -> str | None:
        """None when the tests (all in ``tests``, or the ``only`` ones among them) pass against
        ``module`` as ``source``; else the first failure."""
        mutant_file = self._folder / f"mutant-{id(self)}.py"
        mutant_file.write_text(source, encoding="utf-8")
        process = self._started()
        assert process.stdin is not None
        assert process.stdout is not None
        job = {
            "module": module,
            "file": str(mutant_file),
            "tests": [str(t) for t in tests],
            "only": None if only is None else list(only),
        }
        process.stdin.write(json.dumps(job) + "\n")
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], timeout)
        line = process.stdout.readline() if ready else ""
        if not line:
            self.stop()
            return "timed out" if not ready else "the worker died"
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"{module}: {answer['error']}")
        return None if answer["passed"] else str(answer["failed"])

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


@dataclass(frozen=True)
class Plan:
    """How one mutant is judged: which test files, which of their tests, how long at most."""

    mutant: Mutant
    tests: list[Path]
    only: list[str] | None  # None: every test in ``tests``
    timeout: float


def _run_all(workers: Sequence[Worker], plans: Sequence[Plan]) -> list[Outcome]:
    """Every mutant judged, one per worker at a time, with a progress line now and then."""
    free: queue.Queue[Worker] = queue.Queue()
    for worker in workers:
        free.put(worker)
    judged = iter(range(1, len(plans) + 1))

    def judge(plan: Plan) -> Outcome:
        if plan.only == []:
            failure = None  # no test runs the changed lines: nothing can see the change
        else:
            worker = free.get()
            try:
                failure = worker.run(
                    plan.mutant.module, plan.mutant.source, plan.tests, plan.timeout, plan.only
                )
            finally:
                free.put(worker)
        count = next(judged)
        if failure is None:
            print(f"  survived: {_where(plan.mutant)}: {plan.mutant.description}", flush=True)
        if count % 100 == 0:
            print(f"  {count}/{len(plans)} judged", flush=True)
        return Outcome(plan.mutant, killed=failure is not None, reason=failure or "")

    with ThreadPoolExecutor(max_workers=len(workers)) as pool:
        return list(pool.map(judge, plans))


# --- choosing each mutant's tests ---------------------------------------------------------

CoverageMap = dict[str, dict[str, list[str]]]


def coverage_map(tests: Sequence[Path], folder: Path) -> CoverageMap:
    """Which test's call ran which core line (tests/mutation/coverage_map.py), for ``tests``."""
    out = folder / "coverage-map.json"
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("coverage_map.py")),
            str(out),
            *map(str, tests),
        ],
        cwd=ROOT,
        env=os.environ | {"HYPOTHESIS_PROFILE": "ci", "PYTHONDONTWRITEBYTECODE": "1"},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    found: CoverageMap = json.loads(out.read_text(encoding="utf-8"))
    return found


def chosen_tests(
    mutant: Mutant, tests: Sequence[Path], lines: dict[str, list[str]]
) -> list[str] | None:
    """The node ids of the tests that run a line of the mutant's statement (None: all of
    ``tests``, for a statement run at import or outside a test's call)."""
    if mutant.import_time:
        return None
    first, last = mutant.statement
    files = {test.relative_to(ROOT).as_posix() for test in tests}
    chosen: set[str] = set()
    for line in range(first, last + 1):
        for node_id in lines.get(str(line), []):
            if node_id == "":
                return None
            if node_id.split("::")[0] in files:
                chosen.add(node_id)
    return sorted(chosen)


def _where(mutant: Mutant) -> str:
    return f"{mutant.path.relative_to(ROOT)}:{mutant.line}"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(SOURCE_ROOT).with_suffix("").parts)


def default_modules() -> list[Path]:
    return [
        path
        for path in sorted(CORE.rglob("*.py"))
        if not any(part in path.relative_to(CORE).as_posix() for part in EXCLUDED)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "modules",
        nargs="*",
        type=Path,
        help="core modules (default: every one but the __init__ files)",
    )
    parser.add_argument("--jobs", type=int, default=MAX_JOBS, choices=range(1, MAX_JOBS + 1))
    parser.add_argument("--fail-under", type=float, default=95.0, metavar="PERCENT")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    args = parser.parse_args(argv)
    modules = [path.resolve() for path in args.modules] or default_modules()

    plans: list[Plan] = []
    with tempfile.TemporaryDirectory(prefix="mutants-") as folder:
        workers = [Worker(Path(folder)) for _ in range(args.jobs)]
        try:
            test_files = {path: tests_for(_module_name(path)) for path in modules}
            for path, tests in test_files.items():
                if not tests:
                    print(f"{_module_name(path)}: no core test imports it", file=sys.stderr)
                    return 2
            if args.list:
                for path in modules:
                    for mutant in make_mutants(path):
                        print(f"{mutant.module}:{mutant.line}: {mutant.description}")
                return 0
            started = time.monotonic()
            every_test = sorted({test for tests in test_files.values() for test in tests})
            lines_run = coverage_map(every_test, Path(folder))
            print(
                f"coverage map of {len(every_test)} test files ({time.monotonic() - started:.0f} s)"
            )
            for path, tests in test_files.items():
                module = _module_name(path)
                mutants = make_mutants(path)
                start = time.monotonic()
                original = ast.unparse(ast.parse(path.read_text(encoding="utf-8")))
                failure = workers[0].run(module, original, tests, timeout=600)
                if failure is not None:
                    print(f"{module}: the tests fail unmutated ({failure})", file=sys.stderr)
                    return 2
                took = time.monotonic() - start
                names = " ".join(test.name for test in tests)
                print(f"{module}: {len(mutants)} mutants; {names} ({took:.1f} s)", flush=True)
                lines = lines_run.get(str(path), {})
                # A mutant that makes the tests run ten times longer (an endless loop) is killed.
                plans.extend(
                    Plan(mutant, tests, chosen_tests(mutant, tests, lines), max(20.0, 10 * took))
                    for mutant in mutants
                )
            outcomes = _run_all(workers, plans)
        finally:
            for worker in workers:
                worker.stop()
    survivors = [outcome.mutant for outcome in outcomes if not outcome.killed]
    killed = len(outcomes) - len(survivors)
    score = 100.0 * killed / len(outcomes) if outcomes else 100.0
    print(
        f"\n{len(outcomes)} mutants, {killed} killed, {len(survivors)} survived: "
        f"{score:.1f}% ({time.monotonic() - started:.0f} s, {args.jobs} processes)"
    )
    for mutant in survivors:
        print(f"  survived: {_where(mutant)}: {mutant.description}")
    return 0 if score >= args.fail_under else 1


if __name__ == "__main__":
    sys.exit(main())
