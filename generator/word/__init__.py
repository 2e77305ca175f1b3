"""The .docx writer: `write_docx(draft) -> bytes` in the GB/T 9704-2012 layout (see writer.py)."""
