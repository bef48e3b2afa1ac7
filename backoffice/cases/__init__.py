"""Cases: the case area of the web (everything under ``/cases/<reference>/``) and the
operations on cases.

The web area (``blueprint.py`` and the ``*views.py`` modules) is apart from the operations, so
that the workflow can import them without importing the web views.
"""
