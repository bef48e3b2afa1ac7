from flask import Blueprint

bp = Blueprint("worklist", __name__)
