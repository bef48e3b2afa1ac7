"""The scheduler process: a handful of fixed periodic jobs; the timers themselves are rows.

Runs as its own process (``flask --app backoffice jobs run``), never inside a web worker: job
stores must not be shared between schedulers, and forked workers would each run the jobs.
"""
