"""Factories that build real rows through the same code the application uses.

Inside a test that holds an app context (``app_ctx``) they return attached objects. Otherwise
each call runs in its own app context and returns a detached object with its columns loaded:
a test that drives the test client must not hold an app context, or every request would share
its ``g`` (and its signed-in user) with the test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, has_app_context

from backoffice.cases.operations import open_case
from backoffice.extensions import db
from backoffice.models import Case, Office, Party, User
from workflows.identifiers import IdentifierKind, business_check_digit
from workflows.roles import Role

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


class Factories:
    def __init__(self, app: Flask):
        self.app = app

    @contextmanager
    def _session(self) -> Iterator[bool]:
        if has_app_context():
            yield False
            return
        with self.app.app_context():
            yield True

    @staticmethod
    def _attach(obj):
        return None if obj is None else db.session.get(type(obj), obj.id)

    @staticmethod
    def _finish(obj, detach: bool):
        db.session.commit()
        if detach:
            db.session.refresh(obj)
            db.session.expunge(obj)
        return obj

    def office(self, code: str = "SEOUL", name_en: str = "Seoul Main Customs") -> Office:
        with self._session() as detach:
            office = db.session.query(Office).filter_by(code=code).one_or_none()
            if office is None:
                office = Office(code=code, name_ko=f"{code} 세관", name_en=name_en)
                db.session.add(office)
            return self._finish(office, detach)

    def party(self, name: str = "JOHN SMITH", *, company: bool = False) -> Party:
        n = next(_numbers)
        if company:
            first_nine = f"{100000000 + n:09d}"
            party = Party(kind="company", name=name,
                          identifier_kind=IdentifierKind.BUSINESS_REGISTRATION,
                          identifier=first_nine + str(business_check_digit(first_nine)))
        else:
            party = Party(kind="individual", name=name, identifier_kind=IdentifierKind.PCC,
                          identifier=f"P{100000000000 + n:012d}")
        with self._session() as detach:
            db.session.add(party)
            return self._finish(party, detach)

    def user(self, username: str, role: Role, *, office: Office | None = None,
             party: Party | None = None, password: str = PASSWORD) -> User:
        if role in (Role.OFFICER, Role.SUPERVISOR) and office is None:
            office = self.office()
        if role == Role.DUTY_PAYER and party is None:
            party = self.party()
        with self._session() as detach:
            user = User(username=username, display_name=username.title(), role=role,
                        office=self._attach(office), party=self._attach(party))
            user.set_password(password)
            db.session.add(user)
            return self._finish(user, detach)

    def case(self, *, party: Party, office: Office | None = None, procedure: str = "objection",
             state: str = "filed", actor: User | None = None) -> Case:
        office = office or self.office()
        with self._session() as detach:
            case = open_case(procedure=procedure, party=self._attach(party),
                             office=self._attach(office), state=state,
                             actor=self._attach(actor), article="Art. 132(1)",
                             reason="test case")
            return self._finish(case, detach)


# --- real documents to upload: what a scanner or a phone would send ----------------------


def pdf_document(pages: int = 1, *, note: str = "") -> bytes:
    """A valid PDF of ``pages`` blank A4 pages, written by pypdf (``note`` in its metadata
    makes two documents differ)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if note:
        writer.add_metadata({"/Subject": note})
    return _written(writer)


def png_image(width: int = 16, height: int = 12, colour: str = "navy") -> bytes:
    """A valid PNG, drawn by Pillow."""
    return _image("PNG", width, height, colour)


def jpeg_image(width: int = 16, height: int = 12, colour: str = "teal") -> bytes:
    """A valid JPEG, drawn by Pillow."""
    return _image("JPEG", width, height, colour)


def _image(kind: str, width: int, height: int, colour: str) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, kind)
    return out.getvalue()


def _written(writer) -> bytes:
    import io

    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
