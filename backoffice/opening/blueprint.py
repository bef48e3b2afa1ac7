from flask import Blueprint

bp = Blueprint("opening", __name__)
