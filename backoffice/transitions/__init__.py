"""Transitions on stored cases: the case read for a plan, and the plan written to one case.

The meaning of a transition is computed by :mod:`workflows.engine.plan` with no database; this
package reads what a plan needs (:mod:`.reading`) and writes a plan to one case in the caller's
transaction (:mod:`.apply`). The sweep writes the same plans in batches (:mod:`jobs.bulk`).
"""
