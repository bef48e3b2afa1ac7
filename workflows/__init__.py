"""The law as code: procedures, identifiers and the statutory calendar.

Plain Python with no Flask imports, so the web app, the CLI and the scheduler share one answer.
"""
