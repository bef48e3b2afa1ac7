from flask import Blueprint

bp = Blueprint("main", __name__)

from backoffice.main import alert_views, portal, views  # noqa: E402, F401
