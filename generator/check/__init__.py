"""`gen-report check`: find what real reports get wrong, in generated and hand-edited drafts alike.

document.py reads a .docx/.txt/.yaml into numbered paragraphs; rules/ holds one small module per family
of checks, each returning `Finding`s with a stable id; api.py runs an explicit tuple of rules; report.py
prints them in Chinese (or JSON); command.py is what the CLI calls.
"""
