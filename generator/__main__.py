"""`python -m generator`: the same as `gen-report`, for a PC whose Scripts folder is not on PATH."""
from .cli import main

main()
