"""Turn an exception from the learner's code into a diagnostic with their file:line."""
import linecache
import re
import sys

from .collector import Diagnostic
from .frames import learner_where_in_traceback, path_of

# asyncio names a learner may reach for that this interpreter may not have yet.
NEWER_APIS = {
    "TaskGroup": (3, 11),
    "timeout": (3, 11),
    "timeout_at": (3, 11),
    "Timeout": (3, 11),
    "Runner": (3, 11),
    "Barrier": (3, 11),
    "BrokenBarrierError": (3, 11),
    "eager_task_factory": (3, 12),
    "create_eager_task_factory": (3, 12),
    "QueueShutDown": (3, 13),
}

# Newer APIs reached another way than asyncio.X: (exception type, pattern, what, version, line must mention).
NEWER_ELSEWHERE = (
    (ImportError, r"cannot import name '(\w+)' from 'asyncio'", None, None, None),
    (AttributeError, r"'Queue' object has no attribute '(shutdown)'", "Queue.shutdown()", (3, 13), None),
    (AttributeError, r"'Task' object has no attribute '(cancelling|uncancel)'", "Task.{0}()", (3, 11), None),
    (NameError, r"name '(ExceptionGroup|BaseExceptionGroup)' is not defined", "{0}", (3, 11), None),
    (TypeError, r"'async for' requires an object with __aiter__ method, got generator",
     "async for over asyncio.as_completed()", (3, 13), "as_completed"),
    (TypeError, r"got an unexpected keyword argument 'context'", "create_task(..., context=...)", (3, 11), "context"),
    (TypeError, r"'_contextvars\.Token' object does not support the context manager protocol",
     "a ContextVar token as a context manager (with var.set(...))", (3, 14), None),
    (AttributeError, r"^__enter__$", "a ContextVar token as a context manager (with var.set(...))", (3, 14), ".set("),
)

# Exceptions async code often meets, with what they usually mean.
HINTS = (
    ("cannot be called from a running event loop",
     "you are already inside a coroutine: await the coroutine instead of starting a new loop"),
    ("can't be used in 'await' expression",
     "await what calling an async function returns (await f(x)), not the function or a plain value"),
    ("can't be awaited",  # the 3.14 wording of the same TypeError
     "await what calling an async function returns (await f(x)), not the function or a plain value"),
    ("This event loop is already running",
     "the loop is already running your code: await the coroutine instead of running the loop again"),
    ("Result is not set",
     "a task's result can only be read after the task is done: await it first"),
    ("a coroutine was expected",
     "pass a coroutine object (f(x)), not the coroutine function (f)"),
)


def _version(v):
    return ".".join(str(p) for p in v)


def requires_python(what, need, where):
    return Diagnostic(
        "requires-python",
        f"{what} needs Python {_version(need)} or newer, and this check ran on "
        f"Python {_version(sys.version_info[:3])}" + (f" (used at {where.text()})" if where else ""),
        where,
    )


def _newer_api(exc, text, where):
    if isinstance(exc, AttributeError):
        match = re.search(r"module 'asyncio' has no attribute '(\w+)'", text)
        if match and match.group(1) in NEWER_APIS and sys.version_info < NEWER_APIS[match.group(1)]:
            return requires_python(f"asyncio.{match.group(1)}", NEWER_APIS[match.group(1)], where)
    for kind, pattern, what, need, mention in NEWER_ELSEWHERE:
        match = re.search(pattern, text) if isinstance(exc, kind) else None
        if match is None:
            continue
        name = match.group(1) if match.groups() else None
        if what is None:  # from asyncio import X
            what, need = f"asyncio.{name}", NEWER_APIS.get(name)
            if need is None:
                continue
        if sys.version_info >= need:
            continue
        if mention and (where is None or mention not in linecache.getline(path_of(where.file), where.line)):
            continue
        return requires_python(what.format(name), need, where)
    return None


def diagnose(exc):
    where = learner_where_in_traceback(exc.__traceback__)
    text = str(exc)
    newer = _newer_api(exc, text, where)
    if newer is not None:
        return newer
    if isinstance(exc, RecursionError):
        message = "RecursionError: the code calls itself without end"
    elif isinstance(exc, SystemExit):
        message = f"your code called sys.exit({exc.code!r}) in the middle of the check"
    else:
        # Object addresses differ from run to run; the verdict's text must not.
        text = re.sub(r" at 0x[0-9a-fA-F]+", "", text)
        message = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    if where is not None:
        message += f" (raised at {where.text()} in {where.function})"
    for needle, hint in HINTS:
        if needle in text:
            message += f"; {hint}"
            break
    missing = _third_party(exc)
    if missing:
        message += (f"; checks run on the standard library alone, and {missing!r} is not part of it: "
                    "the kata needs no other package")
    return Diagnostic("exception", message, where)


def _third_party(exc):
    """The top-level name of a module that is not in the standard library, for a ModuleNotFoundError."""
    if not isinstance(exc, ModuleNotFoundError) or not exc.name:
        return None
    top = exc.name.partition(".")[0]
    return None if top in getattr(sys, "stdlib_module_names", ()) else top
