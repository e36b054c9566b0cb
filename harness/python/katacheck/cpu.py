"""CPU budget: count the learner's executed lines (and backward jumps) per loop step.

A step that runs too many learner lines without awaiting froze the loop: report it as `cpu-bound`,
and past a hard limit stop it by raising into the learner's code. Counting lines, not seconds, keeps
the verdict the same on an idle laptop and on a loaded CI box.
"""
import _thread
import sys

from . import collector
from .collector import ms
from .frames import is_learner, learner_where

SOFT_LINES = 100_000  # about 5 ms of plain CPython: worth a diagnostic
HARD_LINES = SOFT_LINES  # and stop it there: a loop this long without an await won't yield later
AFTER_STOP_LINES = 10_000  # once one step was stopped, its siblings (gather of N) get less rope
SECONDS_PER_LINE = 50e-9  # cost model that turns counted lines into virtual frozen time


class CpuBudgetExceeded(BaseException):
    """Raised into learner code that never yields. BaseException so `except Exception` can't eat it."""


def stopped_by_budget(exc):
    """Whether `exc` is how this module stopped a CPU-bound step (see _stop)."""
    if isinstance(exc, CpuBudgetExceeded):
        return True
    if isinstance(exc, KeyboardInterrupt) and _budget.interrupted:
        _budget.interrupted = False
        return True
    return False


class _Budget:
    __slots__ = ("lines", "flagged", "enabled", "pending_freeze", "hard", "interrupted")

    def __init__(self):
        self.lines = 0
        self.flagged = None
        self.enabled = False
        self.pending_freeze = 0.0
        self.hard = HARD_LINES
        self.interrupted = False  # stopped through interrupt_main (3.10/3.11, see _stop)


_budget = _Budget()


def new_step():
    """A task step or loop iteration begins: charge what the last one overspent, reset the count."""
    b = _budget
    if b.flagged is not None:
        spent = b.lines * SECONDS_PER_LINE
        b.pending_freeze += spent
        b.flagged.frozen = (b.flagged.frozen or 0.0) + spent
        b.flagged.message = _describe(b.flagged)
        b.flagged = None
    b.lines = 0


def take_freeze():
    new_step()
    freeze, _budget.pending_freeze = _budget.pending_freeze, 0.0
    return freeze


def _describe(diag):
    where = diag.where.text() if diag.where else "your code"
    task = f" (in task {diag.task})" if diag.task else ""
    frozen = diag.frozen or SOFT_LINES * SECONDS_PER_LINE
    lines = round(frozen / SECONDS_PER_LINE)
    times = f" over {diag.count} steps" if diag.count > 1 else ""
    return (
        f"CPU-bound loop at {where} ran {lines:,} lines without awaiting{times} and froze the loop "
        f"for about {ms(frozen)}{task}: nothing else could run meanwhile"
    )


def _count(frame):
    """One more learner line. `frame` is the learner's frame, or None to look it up (3.12+)."""
    b = _budget
    b.lines += 1
    if b.lines < SOFT_LINES and b.lines < b.hard:
        return
    if b.flagged is None and b.lines == SOFT_LINES:
        col = collector.current()
        if col is not None:
            from .traced import task_label

            where = learner_where(frame if frame is not None else sys._getframe(2))
            b.flagged = col.blocking("cpu-bound", None, where, task_label(), None, _describe)
    if b.lines >= b.hard and b.enabled:
        b.hard = AFTER_STOP_LINES
        _stop()


def _stop():
    if sys.version_info >= (3, 12):
        # sys.monitoring keeps calling us after a raise, so a learner's `except` can't outrun it.
        raise CpuBudgetExceeded(f"stopped after {_budget.lines:,} lines without an await")
    # settrace would switch itself off if we raised here; an interrupt leaves tracing on.
    _budget.interrupted = True
    _thread.interrupt_main()


if sys.version_info >= (3, 12):
    _M = sys.monitoring
    _TOOL = None

    # sys.monitoring is process-wide: executor workers may run learner code without freezing the loop.
    _LOOP_THREAD = _thread.get_ident()

    def _on_line(code, line):
        if not is_learner(code.co_filename):
            return _M.DISABLE
        if _thread.get_ident() == _LOOP_THREAD:
            _count(None)

    def _on_jump(code, src, dst):
        if not is_learner(code.co_filename):
            return _M.DISABLE
        if dst < src and _thread.get_ident() == _LOOP_THREAD:  # a loop going round again
            _count(None)

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
            _count(frame)
        return _local

    def _global(frame, event, arg):
        if is_learner(frame.f_code.co_filename):
            return _local
        return None

    def install():
        # settrace is switched off for a thread whose trace function raised: set it again per test.
        sys.settrace(_global)
        _budget.enabled = True


def stop_in_child():
    """In a forked child (a process pool's worker) nothing is counted: it runs no event loop of ours."""
    _budget.enabled = False
    if sys.version_info >= (3, 12):
        if _TOOL is not None:
            _M.set_events(_TOOL, 0)
    else:
        sys.settrace(None)


def reset():
    _budget.lines = 0
    _budget.flagged = None
    _budget.pending_freeze = 0.0
    _budget.hard = HARD_LINES
    _budget.interrupted = False
