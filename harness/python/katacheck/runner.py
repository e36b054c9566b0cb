"""Run one test case on a fresh virtual loop and judge it."""
import asyncio
import gc

from . import collector as collector_mod
from . import awaited, cpu, guard
from .api import Check, Failure
from .clock import CLOCK
from .collector import TEST_TASK, Collector, Diagnostic
from .errors import diagnose
from .stuck import Stuck
from .vloop import VirtualLoop, deadlock_message
from .watchdog import STAGE1

# Root causes first: they name the learner's line; the symptoms (too slow, wrong result) follow.
_ORDER = {"syntax-error": 0, "never-awaited": 1, "blocking-call": 2, "cpu-bound": 3, "deadlock": 4,
          "timeout": 5, "requires-python": 6, "thread-unsafe": 7, "exception": 8, "unretrieved": 9}
_ORDER.update({"coroutine-callback": 1.1, "dropped-task": 1.2})  # root causes at the learner's line too


class Outcome:
    def __init__(self, name, status, message, collector):
        self.name, self.status, self.message, self.collector = name, status, message, collector

    def record(self, output):
        diagnostics = sorted(self.collector.diagnostics, key=lambda d: _ORDER.get(d.kind, 20))
        return {
            "type": "test",
            "name": self.name,
            "status": self.status,
            "message": self.message,
            "elapsed": round(self.collector.elapsed(), 9),
            "diagnostics": [d.record() for d in diagnostics],
            "output": output,
        }


def _cleanup(loop):
    col = collector_mod.current()
    if col is not None:
        col.closing = True
    try:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.max_iterations = loop.iterations + 1000
            loop.deadline = CLOCK.now + 60
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    except BaseException:  # a task that refuses to stop is abandoned, not waited for
        pass
    finally:
        loop.close()


def watchdog_timeout(watchdog, why):
    """The verdict when only the wall-clock watchdog could stop the learner's code."""
    where = watchdog.where
    at = f" at {where.text()}" if where else ""
    return Diagnostic("timeout", f"still running{at} after {STAGE1:g} s of real time, so it was stopped: {why}", where)


def _judge_exception(exc, col, watchdog):
    if cpu.stopped_by_budget(exc):
        cpu.new_step()  # settle the frozen time before quoting it
        message = next((d.message for d in col.diagnostics if d.kind == "cpu-bound"), None)
        if message is None:
            message = "a loop ran on and on without awaiting: a CPU-bound loop froze the event loop"
            col.add(Diagnostic("cpu-bound", message))
        return "fail", message
    if isinstance(exc, KeyboardInterrupt) and watchdog.fired:
        diagnostic = watchdog_timeout(watchdog, "something there waits or computes without ever giving the event loop back")
        col.add(diagnostic)
        return "error", diagnostic.message
    if isinstance(exc, KeyboardInterrupt):
        raise exc
    diagnostic = diagnose(exc)
    col.add(diagnostic)
    return "error", diagnostic.message


def run_case(case, module, watchdog):
    col = collector_mod.activate(Collector(case.name))
    cpu.reset()
    cpu.install()
    loop = VirtualLoop()
    loop.deadline = CLOCK.now + case.max_virtual
    check = Check(module, col)
    status, message = "pass", "ok"
    task = None
    watchdog.arm(case.name)
    with awaited.watching(col):  # never-awaited coroutines, dropped tasks: named once the test is over
        try:
            task = loop.create_task(case.fn(check), name=TEST_TASK)
            loop.run_until_complete(task)
        except Failure as failure:
            status, message = "fail", failure.message
            col.add(Diagnostic(failure.kind, failure.message, failure.where))
        except Stuck as stuck:
            # A deadlock seen in a blocking call on the loop thread rather than in the loop's own wait.
            text = stuck.message or deadlock_message(loop)
            status, message = "error", text
            col.add(Diagnostic(stuck.kind, text, stuck.where))
        except BaseException as exc:  # the learner's code raised: that's a verdict, not a crash
            status, message = _judge_exception(exc, col, watchdog)
        finally:
            # asyncio as it was before anything else runs, the cleanup included.
            patched = guard.restore()
            watchdog.disarm()
            cpu.new_step()
            check.undo()
            _cleanup(loop)
            del loop, task
            gc.collect()
            gc.collect()
    if patched:
        status, message = "error", patched[0]
        col.add(Diagnostic("exception", *patched))
    if status == "pass" and col.diagnostics:
        status = "fail"
        message = sorted(col.diagnostics, key=lambda d: _ORDER.get(d.kind, 20))[0].message
    collector_mod.activate(None)
    return Outcome(case.name, status, message, col)
