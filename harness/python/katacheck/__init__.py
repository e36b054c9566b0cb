"""Stdlib-only checking harness for async-katas.

Kata tests import `case` and `Check` from here; everything else is internal.
"""
from .api import Check, Failure, case

__all__ = ["Check", "Failure", "case"]
