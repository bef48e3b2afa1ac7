"""The home pages of each role: dashboard, portal, alerts (blueprint in :mod:`.blueprint`)."""
