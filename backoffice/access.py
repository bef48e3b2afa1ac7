"""The access rules of the web areas: who may reach a route before its view runs.

Each area (:mod:`backoffice.areas`) names one rule, which guards every route of its blueprint;
a view may narrow it further (:func:`backoffice.security.role_required`), and only a view
marked :func:`public` is served without it. Denied by default: a route added to an area is
guarded by the area's rule whether or not its author thought of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, current_app, g, request
from flask_login import current_user

from backoffice.extensions import login_manager
from backoffice.models import Case
from backoffice.security import load_case_or_404
from workflows.roles import Role


def public(view: Callable) -> Callable:
    """Serve ``view`` without its area's rule (sign-in, the language switch, the
    verification of a notice, the health check)."""
    view.public = True
    return view


class AccessRule:
    """What a request must be to reach a route; :meth:`deny` answers the refusal, or
    ``None`` to let the view run."""

    label = "everyone"

    def deny(self):
        return None

    def guard(self):
        """The blueprint's ``before_request``: the rule, unless the view is public. A
        pre-flight ``OPTIONS`` answers the allowed methods only, like Flask-Login's
        ``login_required``, and is let through."""
        view = current_app.view_functions.get(request.endpoint)
        if request.method == "OPTIONS" or getattr(view, "public", False):
            return None
        return self.deny()


class SignedIn(AccessRule):
    label = "signed in"

    def deny(self):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return None


@dataclass(frozen=True, eq=False)
class HoldingRole(SignedIn):
    """Signed in and holding one of ``roles``: 403 for the others."""

    roles: tuple[Role, ...]

    @property
    def label(self) -> str:
        return "signed in as " + " or ".join(role.value for role in self.roles)

    def deny(self):
        refused = super().deny()
        if refused is None and not current_user.has_role(*self.roles):
            abort(403)
        return refused


class SeesTheCase(SignedIn):
    """Signed in and allowed to see the case ``<reference>`` of the URL, which the views then
    read with :func:`current_case`; a case the user may not see answers 404 exactly like one
    that does not exist (:func:`backoffice.security.load_case_or_404`)."""

    label = "signed in, and the case is one the user may see"

    def deny(self):
        refused = super().deny()
        if refused is None:
            g.case = load_case_or_404(request.view_args["reference"], current_user)
        return refused


def current_case() -> Case:
    """The case of the URL, as :class:`SeesTheCase` read and allowed it."""
    return g.case


PUBLIC = AccessRule()
SIGNED_IN = SignedIn()
SEES_THE_CASE = SeesTheCase()


def holding(*roles: Role) -> HoldingRole:
    return HoldingRole(roles=roles)
