"""`gen-report mine DIR`: read a folder of real reports and write what phrase-bank curators need.

Per report: its parts (found as `gen-report check` finds them), the lead sentences of numbered items and
their shapes (坚持把X作为Y，Z), quoted formulations, recurring 4-character phrases, the figures it states
and in what words, and the placeholders it left. Aggregated over all reports, with the words jieba
splits apart but the reports use as one term, proposed for the user dictionary (`--grow` adds them).
jieba is imported here only; the draft generator never imports this package.
"""
