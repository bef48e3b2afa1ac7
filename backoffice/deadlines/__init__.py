"""Deadlines: computed, stored, extended, waived; their pages (blueprint in :mod:`.blueprint`)."""
