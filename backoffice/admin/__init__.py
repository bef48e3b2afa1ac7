"""The administrator's area: accounts, sessions, and the calendar of closure days and outages."""
