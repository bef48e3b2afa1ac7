"""Cases: the case page and the operations on cases.

The blueprint lives in :mod:`backoffice.cases.views`, so that the workflow can import the case
operations without importing the web views.
"""
