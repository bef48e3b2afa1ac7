"""Opening a case from the web: an officer at the office, or a duty payer filing online."""
