"""gen-report: 基层党建述职报告草稿生成器.

Library API (what the CLI, batch runner and benchmarks call):

    render_text(data)  -> str     the draft as plain text
    render_docx(data)  -> bytes   the draft as a .docx file
    render(data)       -> Draft   the document model

`data` is what `yaml.safe_load` gives for an input file. Imports are lazy so that `import generator`
stays cheap.
"""
from __future__ import annotations

__all__ = ["render", "render_text", "render_docx"]


def __getattr__(name):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
