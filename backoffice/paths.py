"""Where the project's files live, independent of the working directory."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_INSTANCE_DIR = PROJECT_ROOT / "instance"
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
