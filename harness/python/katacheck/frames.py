"""Which code is the learner's, and where in it something happened."""
import os

import asyncio

_learner = {}  # absolute path -> path as the learner should see it
_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
_ASYNCIO_DIR = os.path.dirname(os.path.abspath(asyncio.__file__))
_trusted = {_HARNESS_DIR}  # folders whose code is ours (the harness, the kata's tests)


def add_learner_file(path, display):
    _learner[os.path.abspath(path)] = display


def clear_learner_files():
    _learner.clear()


def add_trusted_file(path):
    _trusted.add(os.path.abspath(path))


def path_of(shown):
    """The real path of a learner file from the name the learner sees, or the name itself."""
    return next((path for path, name in _learner.items() if name == shown), shown)


def is_learner(filename):
    return filename in _learner


def display(filename):
    return _learner.get(filename, os.path.basename(filename))


def _is_trusted(filename):
    return filename in _trusted or os.path.dirname(filename) in _trusted


def _is_asyncio(filename):
    return filename.startswith(_ASYNCIO_DIR)


# Stdlib modules that read source files to format warnings and tracebacks (the never-awaited warning
# does, on whatever thread drops the coroutine): their reads are not the learner's blocking I/O.
_REPORTING = ("linecache.py", "warnings.py", "traceback.py", "tokenize.py")


class Where:
    __slots__ = ("file", "line", "function")

    def __init__(self, file, line, function):
        self.file, self.line, self.function = file, line, function

    def text(self):
        return f"{self.file}:{self.line}"


def learner_where(frame):
    """The innermost learner frame at or outside `frame`, or None."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename in _learner:
            return Where(display(code.co_filename), frame.f_lineno, code.co_name)
        frame = frame.f_back
    return None


def caller_is_learner(frame):
    """Decide who made a low-level call: walk outwards past library frames (socket, subprocess,
    urllib...) to the first frame that is the learner's, asyncio's or ours. Only the learner's counts:
    asyncio itself calls socket/subprocess functions the non-blocking way."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name in _learner:
            return Where(display(name), frame.f_lineno, frame.f_code.co_name)
        if _is_asyncio(name) or _is_trusted(name) or "importlib" in name or name.endswith(_REPORTING):
            return None
        frame = frame.f_back
    return None


def learner_where_in_traceback(tb):
    """The innermost learner frame of a traceback."""
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name in _learner:
            found = Where(display(name), tb.tb_lineno, tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return found


def learner_where_in_origin(origin):
    """First learner frame of a coroutine's cr_origin ((file, line, function), innermost first)."""
    for filename, line, function in origin or ():
        if filename in _learner:
            return Where(display(filename), line, function)
    return None


def coroutine_where(coro):
    """Innermost learner frame a suspended coroutine chain is waiting in."""
    found = None
    seen = 0
    while coro is not None and seen < 100:
        seen += 1
        inner = getattr(coro, "inner", None)  # our TracedCoroutine wrapper
        if inner is not None:
            coro = inner
            continue
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is not None and frame.f_code.co_filename in _learner:
            found = Where(display(frame.f_code.co_filename), frame.f_lineno, frame.f_code.co_name)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return found

