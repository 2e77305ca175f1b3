"""`gen-report batch`: one spreadsheet (or folder of YAML files) of villages → one draft each.

table.py reads rows, unflatten.py turns a row's columns into an input mapping, locate.py names the row and
column of each problem, naming.py gives each draft its file name, runner.py renders rows in worker
processes and writes drafts and summary.csv, progress.py shows progress and the summary, command.py is
what the CLI calls.
"""
