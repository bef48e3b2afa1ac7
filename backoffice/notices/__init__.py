"""Notices: issue, render, serve, correct, download and verify (Arts. 11, 118, 128, 129, ...).

The web area (``blueprint.py``, ``views.py``) is apart from the issuing code, so that the
workflow can import the issuing code without importing the web views.
"""
