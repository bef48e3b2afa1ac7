"""The base of every form of the back office: Flask-WTF's, with WTForms' own messages ("This
field is required.", "Not a valid choice.") in both languages, the reader's first, as the
forms' own messages are ("이 항목은 필수입니다. · This field is required."). The Korean comes
from the catalogue WTForms ships (``wtforms/locale/ko``)."""

from __future__ import annotations

from functools import cache

from babel.support import Translations
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path

from backoffice.i18n import current_locale


@cache
def _wtforms_korean() -> Translations:
    return Translations.load(messages_path(), ["ko"], domain="wtforms")


class BilingualMessages:
    """WTForms' translations object (``gettext``/``ngettext``), answering in both languages."""

    def gettext(self, string: str) -> str:
        return _both(string, _wtforms_korean().gettext(string))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        english = singular if n == 1 else plural
        return _both(english, _wtforms_korean().ngettext(singular, plural, n))


def _both(english: str, korean: str) -> str:
    if not korean or korean == english:
        return english
    return f"{korean} · {english}" if current_locale() == "ko" else f"{english} · {korean}"


MESSAGES = BilingualMessages()


class Form(FlaskForm):
    """A form whose built-in messages are in both languages (see the module)."""

    class Meta:
        def get_translations(self, form):
            return MESSAGES
