"""Entry point: python -I -B run.py, with one JSON config line on stdin (see docs/protocol.md)."""
import os
import sys

# -I drops the script's folder from sys.path on 3.11+; the package lives beside this file.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from katacheck.main import main  # noqa: E402

main()
