"""Write a `Draft` as .docx bytes in the GB/T 9704-2012 layout, with Word's built-in styles restyled.

The package starts from our own small reference template (`reference/`, XML text), not python-docx's
large default one: formatting lives in its styles, so each paragraph only names a style. The template
document is opened once per thread and its body replaced for each draft. Output is byte-identical for
the same draft: core properties come from the draft and zip entries carry a fixed timestamp.
"""
from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

from docx import Document

from ..errors import InputError
from ..model import Draft, Role
from ..normalise import XML_ILLEGAL
from ..width import text_width
from . import oxml

REFERENCE = Path(__file__).resolve().parent / "reference"
STYLE_IDS = {Role.TITLE: "Title", Role.SIGNATURE: "ReportSignature", Role.HEADING1: "Heading1",
             Role.HEADING2: "Heading2", Role.BODY: "Normal", Role.SIGN_NAME: "Closing",
             Role.SIGN_DATE: "Closing"}
SIGN_RIGHT_SPACE = 2  # characters between the signature block and the right margin (GB/T 9704 7.3.5.2)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_local = threading.local()


def reference_package() -> bytes:
    """Return the reference template as a .docx (zip) built from the XML parts, deterministically."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in REFERENCE.rglob("*") if p.is_file()):
            z.writestr(_entry(path.relative_to(REFERENCE).as_posix()), path.read_bytes())
    return buffer.getvalue()


def _template_document():
    """Return this thread's template document, opened once (~2 ms saved per draft)."""
    doc = getattr(_local, "doc", None)
    if doc is None:
        doc = _local.doc = Document(io.BytesIO(reference_package()))
    return doc


def write_docx(draft: Draft, notes: dict[tuple[int, int], str] | None = None) -> bytes:
    """Return the .docx bytes of `draft`; raise `InputError` for text Word cannot hold.

    `notes` maps (block number, span index) to a comment (批注) on that span — `--annotate`, see trace.py.
    Without notes the output is byte-for-byte what it always was."""
    _check_text(draft)
    if not notes:
        doc = _template_document()
        oxml.replace_body(doc.element.body, paragraphs_xml(draft))
        _core_properties(doc, draft)
        return _save(doc)
    doc = Document(io.BytesIO(reference_package()))  # a fresh one: comments must not stay in the cached template
    anchors: list[tuple[int, int, str]] = []
    oxml.replace_body(doc.element.body, paragraphs_xml(draft, notes, anchors))
    paragraphs = doc.paragraphs
    # every run is found before any comment is added: a comment inserts a reference run into its paragraph,
    # and indexes counted after it would anchor the next comments on the wrong words
    targets = [(paragraphs[p].runs[r], text) for p, r, text in anchors]
    for run, text in targets:
        doc.add_comment(run, text=text, author="gen-report", initials="GR")
    _core_properties(doc, draft)
    return _save(doc)


def paragraphs_xml(draft: Draft, notes: dict | None = None, anchors: list | None = None) -> list[str]:
    """Return the body paragraphs of `draft` as XML strings, in reading order. With `notes`, annotated spans
    get runs of their own and `anchors` receives (paragraph, run, comment) for each."""
    anchors = anchors if anchors is not None else []
    out = []
    name = "".join(s.text for s in draft.sign_name)
    date = "".join(s.text for s in draft.sign_date)
    name_right, date_right = sign_off_indents(name, date)
    blocks = draft.blocks()
    last_body = max((i for i, b in enumerate(blocks) if b.role is Role.BODY), default=-1)
    for i, block in enumerate(blocks):
        style = STYLE_IDS[block.role]
        if block.role is Role.TITLE:
            last = len(block.spans) - 1
            runs = "".join(oxml.run_xml(s.text, line_break=i < last) for i, s in enumerate(block.spans))
            out.append(oxml.paragraph_xml(style, runs))
            continue
        if notes:
            kept = [(j, sp) for j, sp in enumerate(block.spans) if sp.text]
            runs = "".join(oxml.run_xml(sp.text, bold=sp.lead, highlight=sp.missing) for _, sp in kept)
            here = len(out) + (1 if block.role is Role.SIGN_NAME else 0)  # the blank line before the sign-off
            anchors += [(here, r, notes[(i + 1, j)]) for r, (j, _) in enumerate(kept) if (i + 1, j) in notes]
        else:
            runs = "".join(oxml.run_xml(text, bold=lead, highlight=missing)
                           for text, lead, missing in _runs(block.spans))
        if block.role is Role.SIGN_NAME:
            # the blank line and the name keep with the date, so the sign-off never stands alone on a page
            out.append(oxml.paragraph_xml(STYLE_IDS[Role.BODY], "", keep_next=True))
            out.append(oxml.paragraph_xml(style, runs, right_chars=name_right, keep_next=True,
                                          digit_spacing=False))
        elif block.role is Role.SIGN_DATE:
            out.append(oxml.paragraph_xml(style, runs, right_chars=date_right, digit_spacing=False))
        else:
            # the last paragraph of the text keeps with the sign-off that follows it
            out.append(oxml.paragraph_xml(style, runs, keep_next=i == last_body and bool(draft.sign_name)))
    return out


def _runs(spans) -> list[tuple[str, bool, bool]]:
    """Merge neighbouring spans of the same look into one run: spans record where words came from, runs
    are what Word shows, and a paragraph of forty one-clause runs is harder to edit."""
    out: list[list] = []
    for s in spans:
        if not s.text:
            continue
        if out and out[-1][1] == s.lead and out[-1][2] == s.missing:
            out[-1][0] += s.text
        else:
            out.append([s.text, s.lead, s.missing])
    return [tuple(r) for r in out]


def sign_off_indents(name: str, date: str) -> tuple[float, float]:
    """Return the right indents (in characters) of the signature line and the date line.

    The signature keeps two characters of right space and the date starts two characters right of the
    signature's start; if the date is wider, the date keeps the two characters and the signature moves.
    """
    ws, wd = text_width(name), text_width(date)
    if ws - wd >= SIGN_RIGHT_SPACE:
        return SIGN_RIGHT_SPACE, ws - wd
    return SIGN_RIGHT_SPACE + 2 + wd - ws, SIGN_RIGHT_SPACE


def _core_properties(doc, draft: Draft) -> None:
    props = doc.core_properties
    meta = draft.meta
    props.title = meta.title
    props.author = meta.author
    props.subject = meta.subject
    props.last_modified_by = meta.author
    props.created = meta.created
    props.modified = meta.created
    props.revision = 1


def _check_text(draft: Draft) -> None:
    for n, block in enumerate(draft.blocks(), 1):
        for span in block.spans:
            bad = XML_ILLEGAL.search(span.text)
            if bad:
                excerpt = span.text[max(0, bad.start() - 10):bad.start()]
                raise InputError(f"第{n}段“…{excerpt}”后面有 Word 无法保存的控制字符"
                                 f"（U+{ord(bad.group()):04X}），请在输入文件里删掉它。")


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


_CONTENT_TYPES_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       '<Default Extension="xml" ContentType="application/xml"/>')


def _save(doc) -> bytes:
    """Serialise `doc` from its parts (name, blob, relationships: python-docx's public part interface) into a
    zip whose every entry carries a fixed timestamp, so the same input always gives the same bytes.
    (python-docx's own `save` stamps the clock; re-zipping its output would double the writing time.)"""
    package = doc.part.package
    parts = sorted(package.iter_parts(), key=lambda p: str(p.partname))
    overrides = "".join(f'<Override PartName="{p.partname}" ContentType="{p.content_type}"/>' for p in parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(_entry("[Content_Types].xml"), (_CONTENT_TYPES_HEAD + overrides + "</Types>").encode("utf-8"))
        z.writestr(_entry("_rels/.rels"), package.rels.xml)
        for part in parts:
            z.writestr(_entry(part.partname.membername), part.blob)
            if len(part.rels):
                z.writestr(_entry(part.partname.rels_uri.membername), part.rels.xml)
    return out.getvalue()
