"""Execute a Python file as a module without putting its folder on sys.path."""
import re
import sys
import types

from .collector import Diagnostic
from .errors import requires_python
from .frames import Where


class LoadError(Exception):
    def __init__(self, diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def compile_file(path, display):
    with open(path, "rb") as handle:
        source = handle.read()
    try:
        return compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        line = exc.lineno or 1
        where = Where(display, line, None)
        snippet = (exc.text or "").strip()
        if sys.version_info < (3, 11) and re.match(r"except\s*\*", snippet):
            raise LoadError(requires_python("except* (exception groups)", (3, 11), where)) from None
        message = f"{type(exc).__name__}: {exc.msg} at {display}:{line}"
        pointer = caret(exc)
        if pointer:
            message += "\n" + pointer
        elif snippet:
            message += f": {snippet}"
        raise LoadError(Diagnostic("syntax-error", message, where)) from None
    except ValueError as exc:  # null bytes and the like
        raise LoadError(Diagnostic("syntax-error", f"{display} is not valid Python source: {exc}")) from None


def caret(exc):
    """The offending line and a caret under the spot Python names, as Python itself prints them."""
    text = (exc.text or "").rstrip("\r\n")
    if not text.strip() or not exc.offset:
        return None
    # The offset counts characters of the raw line, tabs included: measure the indent the same way.
    indent = len(text) - len(text.lstrip())
    start = max(exc.offset - 1 - indent, 0)
    end = getattr(exc, "end_offset", None)
    same_line = getattr(exc, "end_lineno", None) in (None, exc.lineno)
    width = end - exc.offset if end and same_line and end > exc.offset else 1
    body = text.strip()
    start = min(start, len(body))
    return f"    {body}\n    {' ' * start}{'^' * max(1, min(width, len(body) - start or 1))}"


def execute(code, name, path):
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module  # dataclasses and pickle look a class's module up here
    exec(code, module.__dict__)
    return module
