"""`gen-report batch`: one spreadsheet (or folder of YAML files) of villages → one draft each.

table.py reads rows, unflatten.py turns a row's columns into an input mapping, runner.py renders rows in
worker processes and writes drafts and summary.csv, command.py is what the CLI calls.
"""
