"""Every web area of the back office, registered in one place with its access rule.

An area is a package ``backoffice/<area>/`` of one shape: ``blueprint.py`` (its blueprint and
nothing else), its view modules (``views.py``, and ``<topic>_views.py`` where it has more than
one), ``forms.py`` where it has forms, and its pages in ``templates/<area>/``. Its rule
(:mod:`backoffice.access`) guards each of its routes before the view runs.

Everything under ``/cases/<reference>/`` is the ``cases`` area: one blueprint whose rule reads
the case of the URL once and refuses, as "not found", a case the user may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from flask import Blueprint, Flask

from backoffice.access import PUBLIC, SEES_THE_CASE, SIGNED_IN, AccessRule, holding
from workflows.roles import Role


@dataclass(frozen=True)
class Area:
    name: str
    access: AccessRule
    views: tuple[str, ...] = ("views",)

    @property
    def blueprint(self) -> Blueprint:
        return import_module(f"backoffice.{self.name}.blueprint").bp

    def import_views(self) -> None:
        for module in self.views:
            import_module(f"backoffice.{self.name}.{module}")


AREAS: tuple[Area, ...] = (
    Area("auth", access=SIGNED_IN),
    Area("main", access=SIGNED_IN, views=("views", "portal_views", "alert_views")),
    Area("admin", access=holding(Role.ADMIN), views=("views", "calendar_views")),
    Area("worklist", access=holding(Role.OFFICER, Role.SUPERVISOR)),
    Area("opening", access=SIGNED_IN),
    Area("cases", access=SEES_THE_CASE, views=(
        "views", "attachment_views", "receipt_views", "assignment_views", "deadline_views",
        "notice_views")),
    Area("deadlines", access=SIGNED_IN),
    Area("notices", access=SIGNED_IN),
    Area("procedures", access=SIGNED_IN),
    Area("counter", access=holding(Role.OFFICER, Role.SUPERVISOR)),
    Area("register", access=PUBLIC),
    Area("health", access=PUBLIC),
)


def register_areas(app: Flask) -> None:
    """Import each area's views, guard its blueprint with its rule, and register it."""
    for area in AREAS:
        area.import_views()
        blueprint = area.blueprint
        app.register_blueprint(blueprint)
        # On the app, not the blueprint: a blueprint is shared by every app created.
        app.before_request_funcs.setdefault(blueprint.name, []).insert(0, area.access.guard)
