"""Rendering notices to PDF with WeasyPrint, kept warm for the life of the process.

WeasyPrint is imported once, its font configuration and the notice stylesheet are built once,
and every render reuses them (a warm one-page Korean notice takes about 80 ms with HarfBuzz
subsetting, Debian ``libharfbuzz-subset0``). Rendering never touches the network or a file
outside ``templates/notices/``: the URL fetcher refuses everything else. Hangul needs a Korean
font (Debian ``fonts-nanum``); without one the renderer refuses to start instead of printing
empty boxes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from jinja2 import Environment, FileSystemLoader, select_autoescape

from backoffice.paths import TEMPLATES_DIR
from workflows.citations import korean_citation

NOTICE_DIR = TEMPLATES_DIR / "notices"
STYLESHEET = NOTICE_DIR / "notice.css"
FONT_HINT = ("install Debian's fonts-nanum (apt-get install fonts-nanum; `make run` does it "
             "when run as root)")


class NoKoreanFont(RuntimeError):
    """No font with Hangul is installed: a notice would show empty boxes."""


class RenderingRefused(RuntimeError):
    """A notice asked for a resource outside ``templates/notices/``; nothing was rendered."""


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def korean_fonts() -> list[str]:
    """The font families fontconfig knows that cover Korean."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return sorted({p.stem for p in Path("/usr/share/fonts").glob("**/Nanum*.ttf")})
    listed = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True,
                            check=False, timeout=10)
    return sorted({line.split(",")[0].strip() for line in listed.stdout.splitlines() if line})


def require_korean_font() -> str:
    families = korean_fonts()
    if not families:
        raise NoKoreanFont(f"no Korean font is installed, notices cannot be printed: {FONT_HINT}")
    nanum = [f for f in families if f.startswith("NanumGothic")]
    return nanum[0] if nanum else families[0]


def ko_date(value: str | date | None) -> str:
    day = _date(value)
    return f"{day.year}년 {day.month}월 {day.day}일" if day else "—"


def en_date(value: str | date | None) -> str:
    day = _date(value)
    return f"{day.day} {day:%B %Y}" if day else "—"


def won(value: Any) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value or "—")


def ko_article(value: str | None) -> str:
    """Cite articles the Korean way (:func:`workflows.citations.korean_citation`)."""
    return korean_citation(value)


def next_day(value: str | date | None) -> date | None:
    day = _date(value)
    return day + timedelta(days=1) if day else None


def _date(value: str | date | None) -> date | None:
    if not value:
        return None
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def notice_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(ko_date=ko_date, en_date=en_date, won=won, ko_article=ko_article,
                               next_day=next_day)
    return environment


class NoticeRenderer:
    """One per process: builds notice HTML from content and turns it into PDF."""

    def __init__(self) -> None:
        self.font_family = require_korean_font()
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self._weasyprint = weasyprint
        self._fetcher = _local_fetcher(weasyprint)
        self._fonts = FontConfiguration()
        self._stylesheet = weasyprint.CSS(filename=str(STYLESHEET), font_config=self._fonts,
                                          url_fetcher=self._fetcher)
        self._environment = notice_environment()
        self._lock = threading.Lock()

    def html(self, content: dict[str, Any], *, number: str | None, verification_code: str | None,
             replaces: dict[str, Any] | None = None, draft: bool = False) -> str:
        template = self._environment.get_template(f"notices/{content['kind']}.html")
        return template.render(c=content, number=number, code=verification_code,
                               replaces=replaces, draft=draft)

    def pdf(self, html: str) -> RenderedPdf:
        """Render ``html``; fonts and stylesheet are shared, so one render at a time.

        :raise RenderingRefused: the HTML asked for a file or URL outside the notice templates.
        """
        from weasyprint.urls import FatalURLFetchingError

        with self._lock:
            try:
                document = self._weasyprint.HTML(
                    string=html, base_url=NOTICE_DIR.as_uri() + "/", url_fetcher=self._fetcher,
                ).render(stylesheets=[self._stylesheet], font_config=self._fonts)
            except FatalURLFetchingError as refused:  # a BaseException in WeasyPrint
                raise RenderingRefused(str(refused)) from None
            return RenderedPdf(document.write_pdf(), len(document.pages))


def _local_fetcher(weasyprint):
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    root = NOTICE_DIR.resolve()

    class LocalOnlyFetcher(URLFetcher):
        """Serve files under ``templates/notices/``; refuse every other URL, fatally."""

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
            if path is None or not path.is_relative_to(root) or not path.is_file():
                raise FatalURLFetchingError(f"a notice may only use its own files, not {url}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher(allowed_protocols=("file",))


_renderer: NoticeRenderer | None = None
_renderer_lock = threading.Lock()


def renderer() -> NoticeRenderer:
    """The process's renderer, built on first use (about half a second) and kept."""
    global _renderer
    if _renderer is None:
        with _renderer_lock:
            if _renderer is None:
                _renderer = NoticeRenderer()
    return _renderer
