"""Entry point: python -I -S -B run.py, with one JSON config line on stdin (see docs/protocol.md)."""
import os
import sys

# -I drops the script's folder from sys.path on 3.11+; the package lives beside this file.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# -B keeps bytecode out of the learner's folders, but our own package may cache its bytecode beside
# itself (where that folder is writable): compiling it on every check would cost more than the check.
sys.dont_write_bytecode = False
from katacheck.main import main  # noqa: E402

sys.dont_write_bytecode = True
main()
