.PHONY: examples test bench

examples:
	python3 scripts/make_examples.py

test:
	pytest

bench:
	python3 bench/bench_batch.py
