"""What an uploaded document must be, judged by decoding it, not by its first bytes or its name.

- A PDF is parsed by pypdf in strict mode (its lenient mode repairs a broken file token by
  token, which a crafted nesting turns into seconds of CPU): it needs a document catalog and at
  least one page, at most ``max_pages``; everything reachable from its trailer is walked (at
  most ``max_objects`` objects and ``max_seconds``) and active content anywhere refuses
  it: JavaScript, additional actions (``/AA``), launch, submit-form and import actions,
  embedded files, rich media and XFA forms. An encrypted PDF cannot be inspected and is
  refused. Links (``/URI``) and "go to page" actions stay allowed: ordinary PDFs have them.
- A JPEG or PNG is decoded completely (Pillow) within ``max_pixels``, as the type its bytes
  claim and no other.
- A file named with a known extension must be of that type (a JPEG named ``.png`` is refused).

Plain Python, no Flask: the views read the limits from the configuration.
"""

from __future__ import annotations

import io
import time
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from backoffice.i18n import N_, korean_of

DESCRIPTION_MAX_CHARS = 300

EXTENSIONS = {"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
              "image/png": (".png",)}
KINDS = {"application/pdf": N_("a PDF"), "image/jpeg": N_("a JPEG image"),
         "image/png": N_("a PNG image")}
IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}

# Keys whose mere presence makes a PDF active, and what to call them in the refusal (catalogue
# entries: the refusal names them in Korean too).
ACTIVE_KEYS = {"/JavaScript": N_("JavaScript"), "/JS": N_("JavaScript"),
               "/AA": N_("actions that run by themselves (/AA)"),
               "/EmbeddedFiles": N_("embedded files"), "/EmbeddedFile": N_("embedded files"),
               "/RichMediaContent": N_("rich media (Flash or video)"),
               "/XFA": N_("an XFA form"),
               "/OnInstantiate": N_("JavaScript (in a 3D annotation)")}
ACTIVE_ACTIONS = {"/JavaScript": N_("JavaScript"),
                  "/Launch": N_("a launch action (it starts a program)"),
                  "/SubmitForm": N_("a submit-form action"),
                  "/ImportData": N_("an import-data action"),
                  "/RichMediaExecute": N_("rich media (Flash or video)"),
                  "/Rendition": N_("a media action"), "/GoToE": N_("embedded files"),
                  "/GoToR": N_("a link that opens another file (/GoToR)"),
                  "/Named": N_("a named action (/Named)"), "/Movie": N_("a media action"),
                  "/Sound": N_("a media action"), "/GoTo3DView": N_("a 3D action"),
                  "/SetOCGState": N_("an action that changes what the page shows"),
                  "/Hide": N_("an action that changes what the page shows")}
ACTIVE_SUBTYPES = {"/FileAttachment": N_("embedded files"),
                   "/RichMedia": N_("rich media (Flash or video)"),
                   "/3D": N_("a 3D annotation"), "/Screen": N_("a media annotation (/Screen)"),
                   "/Movie": N_("a media annotation"), "/Sound": N_("a media annotation")}
# What a document may do by itself when it is opened (the catalog's /OpenAction): only go to a
# page of its own. A destination array is that; an action dictionary must be /GoTo.
OPEN_ACTIONS_ALLOWED = {"/GoTo"}

# Line and paragraph separators and the bidirectional controls that make "invoice" U+202E
# "fdp.exe" read as "invoiceexe.pdf"; control characters (category Cc, NUL included) on top.
INVISIBLE = {"\u2028", "\u2029", *(chr(c) for c in range(0x202A, 0x202F)),
             *(chr(c) for c in range(0x2066, 0x206A)), "\u200e", "\u200f", "\u061c"}


class UploadRefused(ValueError):
    """The upload is not kept; the message says what the user can do about it: in English
    (``str``) and in Korean (:attr:`korean`), a catalogue entry filled with ``values``, of which
    ``words`` are catalogue entries themselves (what a PDF contains)."""

    def __init__(self, english: str, words: Mapping[str, str] | None = None, **values):
        self.english, self.words, self.values = english, dict(words or {}), values
        super().__init__(english % {**values, **self.words} if values or words else english)

    @property
    def korean(self) -> str:
        korean = korean_of(self.english)
        if not (self.values or self.words):
            return korean
        return korean % {**self.values, **{k: korean_of(v) for k, v in self.words.items()}}


@dataclass(frozen=True)
class ContentLimits:
    """How much work one upload may cost (``ATTACHMENT_PDF_MAX_PAGES`` and the others)."""

    max_pages: int = 500
    max_objects: int = 20_000
    max_seconds: float = 1.0
    max_pixels: int = 50_000_000


def is_unprintable(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") or char in INVISIBLE


def without_unprintable(text: str) -> str:
    return "".join(char for char in text if not is_unprintable(char))


def checked_description(text: str | None) -> str | None:
    """The description as it will be kept (and written into the history), or None.

    :raise UploadRefused: longer than :data:`DESCRIPTION_MAX_CHARS` (never cut silently: the
        history is append-only) or holding a control character or a line break.
    """
    text = (text or "").strip()
    if len(text) > DESCRIPTION_MAX_CHARS:
        raise UploadRefused(N_("the description has %(count)s characters; at most "
                               "%(most)s are kept: shorten it"),
                            count=len(text), most=DESCRIPTION_MAX_CHARS)
    if any(is_unprintable(char) for char in text):
        raise UploadRefused(N_("the description must be one line of text, without control "
                               "characters"))
    return text or None


def check_name_matches(filename: str, content_type: str) -> None:
    """A name with a known extension names the type the content is."""
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    known = {ext for extensions in EXTENSIONS.values() for ext in extensions}
    if extension in known and extension not in EXTENSIONS[content_type]:
        raise UploadRefused(N_("the file is named %(extension)s but it is %(kind)s: rename it "
                               "to %(right)s or choose the right file"),
                            {"kind": KINDS[content_type]}, extension=extension,
                            right=EXTENSIONS[content_type][0])


def check_content(content: bytes, content_type: str, limits: ContentLimits) -> None:
    """Decode ``content`` as ``content_type`` (sniffed from its first bytes).

    :raise UploadRefused: not readable as that type, over a limit, or active content.
    """
    if content_type == "application/pdf":
        check_pdf(content, limits)
    else:
        check_image(content, content_type, limits)


# --- PDF ---------------------------------------------------------------------------------


NOT_A_PDF = N_("the file is not a readable PDF (it starts like one, but its structure is "
               "broken or it is another kind of file): save or print it again as PDF")


def check_pdf(content: bytes, limits: ContentLimits) -> None:
    """Parse the PDF and walk what it can show or do; see the module docstring.

    Whatever pypdf raises on a malformed file, a ``RecursionError`` on nesting included, means
    the file is not a readable PDF; so every exception but our own refusal is caught here.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(content), strict=True)
            if reader.is_encrypted:
                raise UploadRefused(N_("the PDF is encrypted or protected by a password and "
                                       "cannot be checked: upload a copy without protection"))
            root = reader.trailer.get("/Root")
            root = root.get_object() if root is not None else None
            if not isinstance(root, DictionaryObject) or "/Pages" not in root:
                raise UploadRefused(NOT_A_PDF)
            pages = _walk(reader.trailer, limits)
    except UploadRefused:
        raise
    except Exception as error:  # any parser failure: see the docstring
        raise UploadRefused(NOT_A_PDF) from error
    if pages == 0:
        raise UploadRefused(N_("the PDF has no pages"))


CONTAINERS = (IndirectObject, DictionaryObject, ArrayObject)


def _walk(trailer: DictionaryObject, limits: ContentLimits) -> int:
    """Visit every object reachable from the trailer once, without recursion; refuse active
    content; return the number of pages found.

    pypdf parses an indirect object in about 80 µs, so ``max_objects`` bounds the walk, and
    ``max_seconds`` bounds it on a slow or busy machine.
    """
    give_up_at = time.monotonic() + limits.max_seconds
    stack: list = [trailer]
    seen: set[tuple[int, int]] = set()
    pages = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            # The clock is read at every object: one object (an array of 100,000 numbers) can
            # cost a third of a second to parse, so a check every few hundred would come late.
            if len(seen) > limits.max_objects or time.monotonic() > give_up_at:
                raise UploadRefused(N_("the PDF is too complex to check (too many objects): "
                                       "save or print it again as PDF, or split it"))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if _is_page(item):
                pages += 1
                if pages > limits.max_pages:
                    raise UploadRefused(N_("the PDF has more than %(count)s pages: split it "
                                           "into smaller files"), count=limits.max_pages)
            _refuse_active(item)
            stack.extend(v for v in item.values() if isinstance(v, CONTAINERS))
        elif isinstance(item, ArrayObject):
            stack.extend(v for v in item if isinstance(v, CONTAINERS))
    return pages


def _is_page(obj: DictionaryObject) -> bool:
    return _name(obj.get("/Type")) == "/Page"


def _refuse_active(obj: DictionaryObject) -> None:
    found = next((what for key, what in ACTIVE_KEYS.items() if key in obj), None)
    opening = obj.get("/OpenAction")
    opening = opening.get_object() if isinstance(opening, IndirectObject) else opening
    if isinstance(opening, DictionaryObject) and \
            _name(opening.get("/S")) not in OPEN_ACTIONS_ALLOWED:
        kind = _name(opening.get("/S"))
        found = found or ACTIVE_ACTIONS.get(kind)
        if not found:
            raise UploadRefused(N_("the PDF contains an action that runs when it is opened "
                                   "(%(kind)s) and is not accepted: print it to a new PDF or "
                                   "scan it, and upload that"), kind=kind)
    found = found or ACTIVE_ACTIONS.get(_name(obj.get("/S")))
    found = found or ACTIVE_SUBTYPES.get(_name(obj.get("/Subtype")))
    if _name(obj.get("/Type")) == "/EmbeddedFile" or ("/EF" in obj and "/F" in obj):
        found = found or N_("embedded files")
    if found:
        raise UploadRefused(N_("the PDF contains %(found)s and is not accepted: print it to a "
                               "new PDF or scan it, and upload that"), {"found": found})


def _name(value) -> str | None:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return str(value) if isinstance(value, str) else None


# --- JPEG and PNG ------------------------------------------------------------------------


def check_image(content: bytes, content_type: str, limits: ContentLimits) -> None:
    """Decode the whole image as the format its bytes claim, within the pixel limit.

    The size is read from the header before any pixel is decoded; Pillow's own decompression
    bomb warning and error are refusals too (a limit above Pillow's ``MAX_IMAGE_PIXELS``, about
    89 million, has no effect).
    """
    kind, formats = KINDS[content_type], [IMAGE_FORMATS[content_type]]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=formats) as image:
                width, height = image.size
                if width * height > limits.max_pixels:
                    raise Image.DecompressionBombError(f"{width}x{height}")
                image.verify()
            with Image.open(io.BytesIO(content), formats=formats) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise UploadRefused(N_("%(kind)s of more than %(pixels)s pixels is not accepted: scan "
                               "or save it at a lower resolution"), {"kind": kind},
                            pixels=f"{limits.max_pixels:,}") from error
    except Exception as error:  # truncated or corrupt, in any decoder
        raise UploadRefused(N_("the file is not a readable %(format)s image (it is damaged or "
                               "incomplete): save it again and upload that"),
                            format=formats[0]) from error


# --- what a case may hold ----------------------------------------------------------------


def check_fits_quota(*, stored_bytes: int, stored_files: int, new_size: int,
                     quota_bytes: int, max_files: int) -> None:
    """The case's documents with the new one stay within the case's quota.

    :raise UploadRefused: one file too many, or too many bytes in all.
    """
    if stored_files + 1 > max_files:
        raise UploadRefused(N_("the case already holds the most documents one case may hold "
                               "(%(count)s)"), count=max_files)
    if stored_bytes + new_size > quota_bytes:
        raise UploadRefused(N_("the documents of one case may not exceed %(quota)s in all "
                               "(%(used)s used, this file %(size)s): upload a smaller file"),
                            quota=_mb(quota_bytes), used=_mb(stored_bytes), size=_mb(new_size))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
