"""Notices: issue, render, serve, correct, download and verify (Arts. 11, 118, 128, 129, ...).

The blueprint lives in :mod:`backoffice.notices.views`, so that the workflow can import the
issuing code without importing the web views.
"""
