"""Who may see and do what: role checks and object-level access to cases."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import Select, select

from backoffice.extensions import db
from backoffice.models import Case, User
from workflows.roles import OFFICE_ROLES, Role


def role_required(*roles: Role) -> Callable:
    """Allow the view only to signed-in users holding one of ``roles`` (403 otherwise)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def visible_cases(user: User) -> Select:
    """Return a query of the cases ``user`` may see.

    Officers and supervisors see the cases of their office; a duty payer sees only the cases of
    the party they are; an administrator manages the system, not cases, and sees none.
    """
    query = select(Case)
    if user.role in OFFICE_ROLES:
        return query.where(Case.office_id == user.office_id)
    if user.role == Role.DUTY_PAYER:
        return query.where(Case.party_id == user.party_id)
    return query.where(False)


def can_view_case(user: User, case: Case) -> bool:
    if user.role in OFFICE_ROLES:
        return case.office_id == user.office_id
    if user.role == Role.DUTY_PAYER:
        return case.party_id == user.party_id
    return False


def load_case_or_404(reference: str, user: User) -> Case:
    """Return the case ``reference`` if ``user`` may see it.

    A case the user may not see answers 404 exactly like a case that does not exist, so a duty
    payer cannot probe which references exist.
    """
    case = db.session.scalar(select(Case).where(Case.reference == reference))
    if case is None or not can_view_case(user, case):
        abort(404)
    return case


def safe_local_path(target: str | None, fallback: str) -> str:
    """``target`` if it is a path on this site, else ``fallback``: never another host (no
    scheme, no ``//``, no backslash, nothing unprintable)."""
    if target and "\\" not in target and target.isprintable():
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") \
                and not target.startswith("//"):
            return target
    return fallback
