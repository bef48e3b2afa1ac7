from flask import Blueprint

bp = Blueprint("procedures", __name__, url_prefix="/procedures")
