"""The interface's words in Korean: the user's language is chosen in the top bar.

The procedures carry their own Korean (states, actions, fields: ``label_ko`` in the
declarations); this table holds the words of the pages themselves. A word without an entry
stays in English. :func:`josa` gives the particle a Korean word takes (을/를, 이/가, 으로/로).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One text in both languages (a page shows the reader's first, with ``bi``)."""

    en: str
    ko: str = ""

KOREAN = {
    "Case": "사건", "State": "상태", "Procedure": "절차", "Officer": "담당자",
    "Number": "번호", "Notice": "통지서", "Issued": "발급일", "When it passes": "기한 경과 시",
    "Status": "상태", "Reference": "사건번호", "Party": "당사자", "Name": "이름",
    "Ground": "근거", "Deadline": "기한", "Article": "조문",
    "Where it stands": "진행 상황", "What happens next, and by when": "다음 절차와 기한",
    "Username": "사용자명", "Updated": "갱신", "Size": "크기", "Service (Art. 11)": "송달(제11조)",
    "Role": "역할", "Repaired": "복구", "Out of service": "장애", "Open cases": "진행 중 사건",
    "Office": "세관", "Next deadline": "다음 기한", "Last sign-in": "최근 로그인", "Kind": "구분",
    "From": "기산", "File": "파일", "Due (legal date)": "기한(법정 기한일)", "Due": "기한",
    "Download": "내려받기", "Document": "문서", "Description": "설명", "Date": "날짜",
    "Cases": "사건 수", "By": "등록자", "Added": "등록일",
    "Who must act": "행위 주체", "from": "기산", "choose": "선택", "assigned": "현재 담당",
    "Standing": "진행", "Duty": "의무", "Late by": "지연 일수",
}


def translate(english: str, locale: str) -> str:
    return KOREAN.get(english, english) if locale == "ko" else english


_DIGIT_FINALS = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}
_RIEUL = 8


def josa(word: str, after_consonant: str, after_vowel: str) -> str:
    """The particle that follows ``word``: 을/를, 이/가, 으로/로 (로 also after ㄹ).

    A word ending in a letter whose sound is not known here gets both: 을(를).
    """
    last = word.rstrip(" '\"”’)]")[-1:] if word else ""
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        consonant, rieul = final != 0, final == _RIEUL
    elif last.isdigit():
        consonant, rieul = last in _DIGIT_FINALS, _DIGIT_FINALS.get(last) == "ㄹ"
    else:
        if after_consonant == after_vowel:
            return after_consonant
        return (f"({after_consonant[0]}){after_vowel}" if after_consonant == "으로"
                else f"{after_consonant}({after_vowel})")
    if after_consonant == "으로" and rieul:
        return after_vowel
    return after_consonant if consonant else after_vowel
