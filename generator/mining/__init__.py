"""`gen-report mine DIR`: read a folder of real reports and write what phrase-bank curators need.

parts.py   a report -> 开头 / 亮点 / 问题 / 原因 / 措施 (as `gen-report check` finds parts, plus 原因)
leads.py   numbered items' lead sentences and their shapes (坚持把X作为Y), skeletons, sentence openings
quotes.py  “…” formulations;  phrases.py  recurring four-character phrases;  metrics.py  figures and
           their wordings, placeholders left in (X名, *个)
corpus.py  one report's findings and the cross-report tallies;  report.py  Markdown / JSON
dictionary.py  the shared jieba user dictionary: candidates, append-only --grow;  seg.py  jieba itself
command.py `mine()` and `mine_command()` for the CLI.
jieba is imported in seg.py only, when mining runs; the draft generator never imports this package.
"""
