"""Read a draft into numbered paragraphs, and find its parts: title, opening, parts one to three."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

HEADING1 = re.compile(r"^[一二三四五六七八九十]+、")
PART_TWO = re.compile(r"问题")
PART_THREE = re.compile(r"下一步|下步|思路|打算|措施|努力方向")
TRANSITION_TWO = re.compile(r"^(认真总结|回顾|对照).{0,20}(存在|还有).{0,6}问题")
TRANSITION_THREE = re.compile(r"^下一步[，,]")

# Files from others are read within bounds (a reviewer runs `check --across` on whatever the villages send):
# a 述职报告 is a few thousand characters, so a hundred thousand is plenty; more is refused before the file is
# read whole. Word's XML for a real report is a few hundred KB; 40 MB of it is no report.
MAX_CHARS = 100_000
MAX_XML_BYTES = 40 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _too_long(name: str, chars: str) -> InputError:
    return InputError(f"{name} 的文字超过 {MAX_CHARS:,} 字（{chars}），不像一份述职报告，没有检查。"
                      "请确认文件没有选错；如果确实是报告，请把它拆开或只保留正文后再检查。")


@dataclass
class Paragraph:
    number: int
    text: str
    where: str = ""          # "" for body; "表格1", "页眉" … for other places in a .docx


@dataclass
class Document:
    name: str
    paragraphs: list[Paragraph]
    template: bool = False   # the clerk says this is a template: placeholders are expected
    # an input file (.yaml) is drafted first: what drafting warned of (a problem no cause explains, a figure
    # to check) is the clerk's to see in `check` as in the draft command
    notes: list = field(default_factory=list)
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)  # part -> (first, last) index

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]


def read(path: Path) -> Document:
    """Read `path` (.docx, .txt or .yaml input) into a `Document`; raise `InputError` if unreadable."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"找不到文件：{path}")
    if path.is_dir():
        raise InputError(f"{path} 是一个文件夹。请给出要检查的文件，如 {path / '2024.docx'}")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        texts = _docx(path)
    elif suffix in (".yaml", ".yml"):
        texts, notes = _yaml(path)
    elif suffix in (".txt", ".md", ""):
        texts = [(t, "") for t in _plain_text(path).splitlines()]
    elif suffix == ".doc":
        raise InputError(f"{path.name} 是旧版 Word 格式（.doc）。请在 Word 或 WPS 里另存为 .docx 后再检查。")
    else:
        raise InputError(f"{path.name}：只能检查 .docx、.txt 或 .yaml 文件。")
    doc = from_texts(path.name, texts)
    if suffix in (".yaml", ".yml"):
        doc.notes = notes
    if not doc.paragraphs:
        raise InputError(f"{path.name} 里没有文字。如果它是扫描件或图片，无法检查；请换成有文字的 .docx 或 .txt。")
    return doc


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取 {path.name}（{exc.strerror or type(exc).__name__}）。"
                         "请确认文件没有被其他程序占用，并且有读取权限。") from None


def _plain_text(path: Path) -> str:
    """A text file, refused unread when even its bytes say it is far beyond a report (4 bytes a character
    at most, in any encoding we read)."""
    from ..loader import decode

    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > MAX_CHARS * 4:
        raise _too_long(path.name, f"文件有 {size // 1024:,} KB")
    text = decode(_bytes(path), path.name)
    if len(text) > MAX_CHARS:
        raise _too_long(path.name, f"约 {len(text):,} 字")
    return text


def _docx_paragraphs(path: Path):
    """Yield the body paragraphs of a .docx as they stream out of its XML, refusing the file as soon as its
    XML or its text goes beyond a report's (never read whole). Raises zipfile/lxml errors for a broken file."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
        if info.file_size > MAX_XML_BYTES:
            raise _too_long(path.name, f"正文 XML 展开后有 {info.file_size // (1024 * 1024):,} MB")
        count = 0
        with z.open(info) as f:
            for _, element in etree.iterparse(f, tag=f"{_W}p"):
                text = "".join(t.text or "" for t in element.iter(f"{_W}t")).strip().strip("\u3000")
                element.clear()
                count += len(text)
                if count > MAX_CHARS:
                    raise _too_long(path.name, "正文还没读完就已超过")
                if text:
                    yield text


def _broken():
    import zipfile

    from lxml import etree

    return zipfile.BadZipFile, KeyError, etree.XMLSyntaxError


def _guard_docx(path: Path) -> None:
    """Refuse a .docx beyond a report's size before python-docx reads it whole."""
    try:
        for _ in _docx_paragraphs(path):
            pass
    except _broken():
        return   # python-docx says what is wrong with a broken file, in its own words


def body_paragraphs(path: Path) -> list[str]:
    """The body paragraphs of a .docx or text file, read fast and within bounds (for `check --across`: the
    wording of the text is compared, not headers, so python-docx's whole object model is not needed)."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        return read(path).texts
    _bytes(path)
    try:
        out = list(_docx_paragraphs(path))
    except _broken():
        raise InputError(f"{path.name} 无法作为 Word 文件打开。如果它正在 Word/WPS 里打开，请先保存；"
                         "如果是 .doc 或 .wps，请另存为 .docx。") from None
    if not out:
        raise InputError(f"{path.name} 里没有文字。如果它是扫描件或图片，无法检查；请换成有文字的 .docx 或 .txt。")
    return out


def from_texts(name: str, texts) -> Document:
    """Build a `Document` from (text, where) pairs or plain strings, dropping empty lines."""
    paragraphs: list = []
    for item in texts:
        text, where = (item, "") if isinstance(item, str) else item
        text = text.strip().strip("\u3000")
        if text:
            paragraphs.append(Paragraph(len(paragraphs) + 1, text, where))
    doc = Document(name, paragraphs)
    doc.parts = find_parts([p.text for p in paragraphs if not p.where])
    return doc


def _docx(path: Path) -> list[tuple[str, str]]:
    import docx

    _bytes(path)  # unreadable (locked, no permission) is said as such, not as a broken file
    _guard_docx(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - whatever python-docx trips on, the file is not a usable .docx
        raise InputError(f"{path.name} 无法作为 Word 文件打开（{type(exc).__name__}）。"
                         "如果它正在 Word/WPS 里打开，请先保存；如果是 .doc 或 .wps，请另存为 .docx。") from None
    texts = [(p.text.replace("\n", ""), "") for p in document.paragraphs]
    for n, table in enumerate(document.tables, 1):
        for row in table.rows:
            for cell in row.cells:
                texts += [(p.text, f"表格{n}") for p in cell.paragraphs]
    for section in document.sections:
        # first-page and even-page headers too: a template's “××镇” often hides on the cover page's header
        for label, part in (("页眉", section.header), ("页眉", section.first_page_header),
                            ("页眉", section.even_page_header), ("页脚", section.footer),
                            ("页脚", section.first_page_footer), ("页脚", section.even_page_footer)):
            if not part.is_linked_to_previous:
                texts += [(p.text, label) for p in part.paragraphs if not re.fullmatch(r"[—\-\s\d]*", p.text)]
    return texts


def _yaml(path: Path) -> tuple[list[tuple[str, str]], list]:
    """The draft of an input file as paragraphs, and what drafting warned of."""
    from ..api import render_file

    draft, _ = render_file(path)   # 上年 is found beside the file
    return [(b.text, "") for b in draft.blocks()], list(draft.warnings)


def find_parts(texts: list[str]) -> dict[str, tuple[int, int]]:
    """Return where the title, opening and parts one to three are (0-based, inclusive), as found.

    Parts are found by their level-1 headings (一、… 二、…问题 三、…下一步/措施); a report without headings
    (a mid-year report, say) by the usual transitions (认真总结…问题 / 下一步，).
    """
    heads = [i for i, t in enumerate(texts) if HEADING1.match(t) and len(t) <= 40]
    two = next((i for i in heads if PART_TWO.search(texts[i])), None)
    three = next((i for i in heads if i > (two if two is not None else -1) and PART_THREE.search(texts[i])), None)
    if not heads:
        two = next((i for i, t in enumerate(texts) if TRANSITION_TWO.search(t)), None)
        three = next((i for i, t in enumerate(texts) if TRANSITION_THREE.search(t)), None)
    one = heads[0] if heads and (two is None or heads[0] < two) else None
    body = next((i for i, t in enumerate(texts) if len(t) > 40 or t.endswith(("。", "：")) or HEADING1.match(t)),
                len(texts))
    parts: dict[str, tuple[int, int]] = {}
    if body > 0:
        parts["标题"] = (0, body - 1)
    ends = sorted(x for x in (one, two, three) if x is not None) + [len(texts)]
    if ends[0] > body:
        parts["开头"] = (body, ends[0] - 1)
    if one is None and not heads and "开头" in parts and parts["开头"][1] > body:
        parts["开头"], parts["一"] = (body, body), (body + 1, parts["开头"][1])  # opening, then items
    for name, index in (("一", one), ("二", two), ("三", three)):
        if index is not None:
            parts[name] = (index, next(e for e in ends if e > index) - 1)
    return parts
