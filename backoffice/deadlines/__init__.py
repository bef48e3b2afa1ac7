from flask import Blueprint

bp = Blueprint("deadlines", __name__)

from backoffice.deadlines import views  # noqa: E402, F401
