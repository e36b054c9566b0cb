"""CPU budget: count the learner's executed lines (and backward jumps) per loop step.

A step that runs too many learner lines without awaiting froze the loop: report it as `cpu-bound`,
and past a hard limit stop it by raising into the learner's code. Counting lines, not seconds, keeps
the verdict the same on an idle laptop and on a loaded CI box.
"""
import sys

from . import collector
from .collector import Diagnostic, ms
from .frames import is_learner, learner_where

SOFT_LINES = 100_000  # about 5 ms of plain CPython: worth a diagnostic
HARD_LINES = 1_000_000  # stop the step: it would never end on its own
SECONDS_PER_LINE = 50e-9  # cost model that turns counted lines into virtual frozen time


class CpuBudgetExceeded(BaseException):
    """Raised into learner code that never yields. BaseException so `except Exception` can't eat it."""


class _Budget:
    __slots__ = ("lines", "flagged", "enabled", "pending_freeze")

    def __init__(self):
        self.lines = 0
        self.flagged = None
        self.enabled = False
        self.pending_freeze = 0.0


_budget = _Budget()


def new_step():
    """A task step or loop iteration begins: charge what the last one overspent, reset the count."""
    b = _budget
    if b.flagged is not None:
        b.pending_freeze += b.lines * SECONDS_PER_LINE
        b.flagged.frozen = b.lines * SECONDS_PER_LINE
        b.flagged.message = _describe(b.flagged, b.lines)
        b.flagged = None
    b.lines = 0


def take_freeze():
    new_step()
    freeze, _budget.pending_freeze = _budget.pending_freeze, 0.0
    return freeze


def _describe(diag, lines):
    where = diag.where.text() if diag.where else "your code"
    task = f" (task {diag.task})" if diag.task else ""
    return (
        f"CPU-bound loop at {where}{task} ran {lines:,} lines without awaiting and froze the loop "
        f"for about {ms(lines * SECONDS_PER_LINE)}: nothing else could run meanwhile"
    )


def _count(frame_getter):
    b = _budget
    b.lines += 1
    if b.lines < SOFT_LINES:
        return
    if b.flagged is None and b.lines == SOFT_LINES:
        col = collector.current()
        if col is not None:
            where = learner_where(frame_getter())
            diag = Diagnostic("cpu-bound", "", where, _task_name())
            diag.message = _describe(diag, b.lines)
            b.flagged = col.add(diag)
    if b.lines >= HARD_LINES and b.enabled:
        raise CpuBudgetExceeded(f"stopped after {b.lines:,} lines without an await")


def _task_name():
    import asyncio

    try:
        task = asyncio.current_task()
    except RuntimeError:
        return None
    return task.get_name() if task is not None else None


if sys.version_info >= (3, 12):
    _M = sys.monitoring
    _TOOL = None

    def _on_line(code, line):
        if not is_learner(code.co_filename):
            return _M.DISABLE
        _count(lambda: sys._getframe(2))

    def _on_jump(code, src, dst):
        if not is_learner(code.co_filename):
            return _M.DISABLE
        if dst < src:  # only backward jumps: a loop going round again on the same line
            _count(lambda: sys._getframe(2))

    def install():
        global _TOOL
        if _TOOL is None:
            for tool in (_M.PROFILER_ID, 3, 4, _M.OPTIMIZER_ID):
                if _M.get_tool(tool) is None:
                    _M.use_tool_id(tool, "async-katas")
                    _TOOL = tool
                    break
            else:
                return
            _M.register_callback(_TOOL, _M.events.LINE, _on_line)
            _M.register_callback(_TOOL, _M.events.JUMP, _on_jump)
        _M.set_events(_TOOL, _M.events.LINE | _M.events.JUMP)
        _M.restart_events()
        _budget.enabled = True

else:

    def _local(frame, event, arg):
        if event == "line":
            _count(lambda: frame)
        return _local

    def _global(frame, event, arg):
        if is_learner(frame.f_code.co_filename):
            return _local
        return None

    def install():
        # settrace is switched off for a thread whose trace function raised: set it again per test.
        sys.settrace(_global)
        _budget.enabled = True


def reset():
    _budget.lines = 0
    _budget.flagged = None
    _budget.pending_freeze = 0.0
