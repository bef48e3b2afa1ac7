"""Reading rendered notices back: the text of a PDF, as a recipient's reader extracts it."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages)


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def squash(text: str) -> str:
    """Drop whitespace: a PDF wraps lines wherever the layout needs."""
    return re.sub(r"\s+", "", text)


def says(text: str, *phrases: str) -> bool:
    flat = squash(text)
    missing = [p for p in phrases if squash(p) not in flat]
    assert not missing, f"not in the PDF: {missing}"
    return True
