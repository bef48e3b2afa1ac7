# Copy to instance/config.py to override defaults on this machine (never committed).
# The environment (DATABASE_URL, SECRET_KEY, GWANSE_<KEY>) still wins over this file.

# SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://gwanse@db.internal/gwanse"
# SESSION_COOKIE_SECURE = True          # keep True behind TLS
# LOGIN_MAX_FAILURES = 5
# LOGIN_LOCKOUT_MINUTES = 15
# SCHEDULER_HEARTBEAT_SECONDS = 15
# SCHEDULER_STALE_AFTER_SECONDS = 90
