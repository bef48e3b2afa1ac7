from flask import Blueprint

bp = Blueprint("counter", __name__, url_prefix="/counter")
