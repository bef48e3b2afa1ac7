"""Signing in and out, password changes, accounts (blueprint in :mod:`.blueprint`)."""
