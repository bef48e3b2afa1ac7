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
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

DESCRIPTION_MAX_CHARS = 300

EXTENSIONS = {"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
              "image/png": (".png",)}
KINDS = {"application/pdf": "a PDF", "image/jpeg": "a JPEG image", "image/png": "a PNG image"}
IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}

# Keys whose mere presence makes a PDF active, and what to call them in the refusal.
ACTIVE_KEYS = {"/JavaScript": "JavaScript", "/JS": "JavaScript",
               "/AA": "actions that run by themselves (/AA)",
               "/EmbeddedFiles": "embedded files", "/EmbeddedFile": "embedded files",
               "/RichMediaContent": "rich media (Flash or video)", "/XFA": "an XFA form",
               "/OnInstantiate": "JavaScript (in a 3D annotation)"}
ACTIVE_ACTIONS = {"/JavaScript": "JavaScript", "/Launch": "a launch action (it starts a program)",
                  "/SubmitForm": "a submit-form action", "/ImportData": "an import-data action",
                  "/RichMediaExecute": "rich media (Flash or video)",
                  "/Rendition": "a media action", "/GoToE": "embedded files",
                  "/GoToR": "a link that opens another file (/GoToR)",
                  "/Named": "a named action (/Named)", "/Movie": "a media action",
                  "/Sound": "a media action", "/GoTo3DView": "a 3D action",
                  "/SetOCGState": "an action that changes what the page shows",
                  "/Hide": "an action that changes what the page shows"}
ACTIVE_SUBTYPES = {"/FileAttachment": "embedded files", "/RichMedia": "rich media (Flash or video)",
                   "/3D": "a 3D annotation", "/Screen": "a media annotation (/Screen)",
                   "/Movie": "a media annotation", "/Sound": "a media annotation"}
# What a document may do by itself when it is opened (the catalog's /OpenAction): only go to a
# page of its own. A destination array is that; an action dictionary must be /GoTo.
OPEN_ACTIONS_ALLOWED = {"/GoTo"}

# Line and paragraph separators and the bidirectional controls that make "invoice" U+202E
# "fdp.exe" read as "invoiceexe.pdf"; control characters (category Cc, NUL included) on top.
INVISIBLE = {"\u2028", "\u2029", *(chr(c) for c in range(0x202A, 0x202F)),
             *(chr(c) for c in range(0x2066, 0x206A)), "\u200e", "\u200f", "\u061c"}


class UploadRefused(ValueError):
    """The upload is not kept; the message says what the user can do about it."""


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
        raise UploadRefused(f"the description has {len(text)} characters; at most "
                            f"{DESCRIPTION_MAX_CHARS} are kept: shorten it")
    if any(is_unprintable(char) for char in text):
        raise UploadRefused("the description must be one line of text, without control "
                            "characters")
    return text or None


def check_name_matches(filename: str, content_type: str) -> None:
    """A name with a known extension names the type the content is."""
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    known = {ext for extensions in EXTENSIONS.values() for ext in extensions}
    if extension in known and extension not in EXTENSIONS[content_type]:
        raise UploadRefused(f"the file is named {extension} but it is {KINDS[content_type]}: "
                            f"rename it to {EXTENSIONS[content_type][0]} or choose the right file")


def check_content(content: bytes, content_type: str, limits: ContentLimits) -> None:
    """Decode ``content`` as ``content_type`` (sniffed from its first bytes).

    :raise UploadRefused: not readable as that type, over a limit, or active content.
    """
    if content_type == "application/pdf":
        check_pdf(content, limits)
    else:
        check_image(content, content_type, limits)


# --- PDF ---------------------------------------------------------------------------------


NOT_A_PDF = ("the file is not a readable PDF (it starts like one, but its structure is "
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
                raise UploadRefused("the PDF is encrypted or protected by a password and cannot "
                                    "be checked: upload a copy without protection")
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
        raise UploadRefused("the PDF has no pages")


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
                raise UploadRefused("the PDF is too complex to check (too many objects): save "
                                    "or print it again as PDF, or split it")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if _is_page(item):
                pages += 1
                if pages > limits.max_pages:
                    raise UploadRefused(f"the PDF has more than {limits.max_pages} pages: "
                                        "split it into smaller files")
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
        found = found or ACTIVE_ACTIONS.get(kind) or \
            f"an action that runs when it is opened ({kind})"
    found = found or ACTIVE_ACTIONS.get(_name(obj.get("/S")))
    found = found or ACTIVE_SUBTYPES.get(_name(obj.get("/Subtype")))
    if _name(obj.get("/Type")) == "/EmbeddedFile" or ("/EF" in obj and "/F" in obj):
        found = found or "embedded files"
    if found:
        raise UploadRefused(f"the PDF contains {found} and is not accepted: print it to a "
                            "new PDF or scan it, and upload that")


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
        raise UploadRefused(f"{kind} of more than {limits.max_pixels:,} pixels is not "
                            "accepted: scan or save it at a lower resolution") from error
    except Exception as error:  # truncated or corrupt, in any decoder
        raise UploadRefused(f"the file is not a readable {formats[0]} image (it is damaged "
                            "or incomplete): save it again and upload that") from error


# --- what a case may hold ----------------------------------------------------------------


def check_fits_quota(*, stored_bytes: int, stored_files: int, new_size: int,
                     quota_bytes: int, max_files: int) -> None:
    """The case's documents with the new one stay within the case's quota.

    :raise UploadRefused: one file too many, or too many bytes in all.
    """
    if stored_files + 1 > max_files:
        raise UploadRefused("the case already holds the most documents one case may hold "
                            f"({max_files})")
    if stored_bytes + new_size > quota_bytes:
        raise UploadRefused(f"the documents of one case may not exceed {_mb(quota_bytes)} in "
                            f"all ({_mb(stored_bytes)} used, this file {_mb(new_size)}): "
                            "upload a smaller file")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
