"""What is particular to a procedure is declared in its module, never branched on elsewhere
(issue 14, item 3): the back office (``backoffice/``) and the jobs (``jobs/``) read the
declarations generically, so that a new procedure (AEO, bonded areas, offences, PCC) adds its
module to ``workflows/procedures/`` and nothing else.

The check: no Python file of ``backoffice/`` (its migrations apart: they record history) or
``jobs/`` holds a procedure code as a string literal, or imports a procedure's own module
(``workflows.procedures.<module>``; the package itself, with ``REGISTRY`` and ``CATALOGUE``, is
what they read). The templates' logic (``{% %}``, ``{{ }}``) holds no procedure code either.
"""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import pytest
from jinja2 import Environment

import workflows.procedures
from workflows.procedures import CATALOGUE, REGISTRY

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("backoffice", "jobs")
NOT_SCANNED = (ROOT / "backoffice" / "migrations",)
CODES = frozenset(REGISTRY) | frozenset(CATALOGUE)
PACKAGE = workflows.procedures.__name__
MODULES = frozenset(m.name for m in pkgutil.iter_modules(workflows.procedures.__path__))
"""The modules of the procedures' package (``objection``, ``appeals``, ``catalogue``...)."""
LEXER = Environment(autoescape=True)

KNOWN_IN_TEMPLATES = {
    ("templates/notices/overdue_decision_notice.html", "objection"):
        "the Art. 129(2) notice words an objection and a request differently: to be declared "
        "with the notice kind, or on the procedure",
}
"""Template literals not yet replaced by a declaration, each with what is left to do. An entry
that no longer occurs fails the test too: remove it."""


def python_files() -> list[Path]:
    return sorted(path for folder in SCANNED for path in (ROOT / folder).rglob("*.py")
                  if not any(path.is_relative_to(skipped) for skipped in NOT_SCANNED))


def _procedure_module(dotted: str) -> bool:
    return dotted.startswith(PACKAGE + ".")


def findings(source: str, filename: str) -> list[str]:
    """Where ``source`` names a procedure: ``file:line: what``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in CODES:
                found.append((node.lineno, f"the procedure code {node.value!r}"))
            elif _procedure_module(node.value):
                found.append((node.lineno, f"the module name {node.value!r}"))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, f"import {alias.name}")
                      for alias in node.names if _procedure_module(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if _procedure_module(node.module):
                found.append((node.lineno, f"from {node.module} import ..."))
            elif node.module == PACKAGE:
                found += [(node.lineno, f"from {PACKAGE} import {alias.name} (a procedure's "
                                        "module)")
                          for alias in node.names if alias.name in MODULES]
    return [f"{filename}:{line}: {what}"
            for line, what in sorted(found, key=lambda hit: hit[0])]


def template_findings(source: str, filename: str) -> list[tuple[str, int, str]]:
    """The procedure codes among the string literals of a template's tags and expressions."""
    return [(filename, lineno, value[1:-1]) for lineno, kind, value in LEXER.lex(source)
            if kind == "string" and value[1:-1] in CODES]


def test_the_back_office_and_the_jobs_name_no_procedure():
    found = [line for path in python_files()
             for line in findings(path.read_text(encoding="utf-8"),
                                  str(path.relative_to(ROOT)))]
    assert not found, ("declare it on the procedure (workflows/procedures/) and read the "
                       "declaration instead:\n" + "\n".join(found))


def test_the_check_sees_a_code_and_an_import_of_a_procedure_module():
    planted = ('from workflows.procedures import REGISTRY, objection\n'
               'from workflows.procedures.appeals import ONE_ROUTE\n'
               'import workflows.procedures.examination\n'
               'ONLINE = ("objection", "examination")\n'
               'WHERE = f"{REGISTRY}"\n')
    assert findings(planted, "planted.py") == [
        "planted.py:1: from workflows.procedures import objection (a procedure's module)",
        "planted.py:2: from workflows.procedures.appeals import ...",
        "planted.py:3: import workflows.procedures.examination",
        "planted.py:4: the procedure code 'objection'",
        "planted.py:4: the procedure code 'examination'",
    ]
    assert python_files(), "nothing was scanned"
    assert not any(path.is_relative_to(ROOT / "backoffice" / "migrations")
                   for path in python_files())


def test_the_templates_logic_names_no_procedure():
    found = [hit for path in sorted((ROOT / "templates").rglob("*.html"))
             for hit in template_findings(path.read_text(encoding="utf-8"),
                                          str(path.relative_to(ROOT)))]
    new = [f"{file}:{line}: {code!r}" for file, line, code in found
           if (file, code) not in KNOWN_IN_TEMPLATES]
    assert not new, "drive it from the declarations instead:\n" + "\n".join(new)
    stale = set(KNOWN_IN_TEMPLATES) - {(file, code) for file, _, code in found}
    assert not stale, f"no longer in the templates, remove from KNOWN_IN_TEMPLATES: {stale}"


def test_the_template_check_sees_a_code_in_a_tag():
    planted = ("{% if case.procedure == 'objection' %}an objection{% endif %}\n"
               "{{ url_for('opening.new', procedure=\"examination\") }}")
    assert template_findings(planted, "planted.html") == [
        ("planted.html", 1, "objection"), ("planted.html", 2, "examination")]


@pytest.mark.parametrize("attribute, names", [
    ("decided_states", lambda p: {s.name for s in p.states}),
    ("decision_periods", lambda p: {d.kind for ds in p.deadlines.values() for d in ds}),
])
def test_the_dashboard_reads_decisions_by_name_alike_in_every_procedure(attribute, names):
    """The supervisors' chart counts decisions by the name of the state entered and lateness
    by the kind of deadline missed (``backoffice.main.queries``): a name one procedure declares
    decided (or a decision period) is declared so by every procedure that has it."""
    declared = {name for p in REGISTRY.values() for name in getattr(p, attribute)}
    undeclared = {(p.code, name) for p in REGISTRY.values()
                  for name in (names(p) & declared) - getattr(p, attribute)}
    assert not undeclared, f"declare {attribute} alike: {sorted(undeclared)}"
