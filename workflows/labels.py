"""Enumerations whose members carry a Korean and an English label."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum with bilingual labels: ``Member = ("value", "한국어", "English")``."""

    def __new__(cls, value: str, label_ko: str, label_en: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_ko = label_ko
        member.label_en = label_en
        return member
