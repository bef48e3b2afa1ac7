"""The interface's catalogues: up to date with the code (what ``make catalogue`` would
extract), complete in Korean and in English, with the same placeholders in every
translation, and compiled as they stand."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations

from backoffice.paths import PROJECT_ROOT, TRANSLATIONS_DIR

LOCALES = ("ko", "en")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
PYBABEL = Path(sys.executable).with_name("pybabel")


def _catalogue(locale: str):
    with (TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=locale)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    """``pybabel extract`` run as ``make catalogue`` runs it (Makefile ``EXTRACT``)."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    options = re.search(r"^EXTRACT := \$\(BIN\)/pybabel extract (.*?)\n(?!\s)", makefile,
                        re.MULTILINE | re.DOTALL).group(1).replace("\\\n", " ").split()
    pot = tmp_path_factory.mktemp("catalogue") / "messages.pot"
    subprocess.run([str(PYBABEL), "extract", *options, "-o", str(pot), "."], cwd=PROJECT_ROOT,
                   check=True, capture_output=True)
    with pot.open("rb") as template:
        return {message.id for message in read_po(template) if message.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_catalogue_holds_exactly_what_the_code_asks_for(extracted, locale):
    held = {message.id for message in _catalogue(locale) if message.id}
    missing, obsolete = sorted(extracted - held), sorted(held - extracted)
    assert not missing, f"run `make catalogue` and translate: {missing}"
    assert not obsolete, f"obsolete entries, run `make catalogue`: {obsolete}"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_is_translated_with_its_placeholders(locale):
    for message in _catalogue(locale):
        if not message.id:
            continue
        assert message.string, f"{locale}: untranslated {message.id!r}"
        assert not message.fuzzy, f"{locale}: fuzzy {message.id!r}"
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(message.id)), \
            f"{locale}: placeholders of {message.id!r}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_is_the_catalogue(locale):
    """``make`` compiles a .po newer than its .mo; a stale .mo would show old words."""
    compiled = Translations.load(str(TRANSLATIONS_DIR), [locale])
    for message in _catalogue(locale):
        if message.id:
            assert compiled.gettext(message.id) == message.string, message.id
