from flask import Blueprint

bp = Blueprint("pcc", __name__)
