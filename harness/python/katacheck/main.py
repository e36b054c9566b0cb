"""One check: read the config, run the reference's timeline case, load the learner's file, run every
case, and report on the private channel (docs/protocol.md)."""
import json
import os
import sys
import traceback

from . import awaited, blocking, capture, cpu, executor, frames, guard, ordering, threads, vio, vloop, vlocks, vsched
from . import collector as collector_mod
from .api import CASES
from .channel import Channel
from .collector import Collector, Diagnostic
from .errors import diagnose
from .loader import LoadError, compile_file, execute
from .runner import run_case, watchdog_timeout
from .watchdog import Watchdog

PYTHON_VERSION = "{}.{}.{}".format(*sys.version_info[:3])


def _parse_version(text):
    return tuple(int(p) for p in text.split("."))


def _load_learner(config, watchdog):
    """Execute the learner's file. Returns (module, diagnostics, fatal)."""
    col = collector_mod.activate(Collector("load"))
    cpu.reset()
    cpu.install()
    watchdog.arm("loading your file")
    try:
        code = compile_file(config["learner"], config["display"])
        with awaited.watching(col, load=True):  # a coroutine dropped at import: a diagnostic, not a print
            module = execute(code, "learner", config["learner"])
        patched = guard.restore()
        if patched:
            return None, col.diagnostics + [Diagnostic("exception", *patched)], True
        return module, col.diagnostics, False
    except LoadError as err:
        return None, [err.diagnostic], True
    except BaseException as exc:  # the learner's top-level code raised
        if cpu.stopped_by_budget(exc):
            cpu.new_step()
            return None, col.diagnostics, True
        if isinstance(exc, KeyboardInterrupt) and not watchdog.fired:
            raise
        patched = guard.restore()
        if patched:  # what was patched is what broke: say that, not where it broke
            return None, col.diagnostics + [Diagnostic("exception", *patched)], True
        if isinstance(exc, KeyboardInterrupt):
            why = "the top level of your file never finishes (an endless loop outside any function?)"
            return None, col.diagnostics + [watchdog_timeout(watchdog, why)], True
        return None, col.diagnostics + [diagnose(exc)], True
    finally:
        watchdog.disarm()
        collector_mod.activate(None)


def _reference_timeline(config, watchdog):
    timeline_case = next((c for c in CASES if c.timeline), None)
    if timeline_case is None or not config.get("reference"):
        return None
    frames.add_learner_file(config["reference"], "solution.py")
    try:
        module = execute(compile_file(config["reference"], "solution.py"), "reference", config["reference"])
        outcome = run_case(timeline_case, module, watchdog)
        return outcome.collector.timeline()
    finally:
        frames.clear_learner_files()
        capture.OUT.take()  # the reference's prints are not the learner's output


def main():
    config = json.loads(sys.stdin.readline())
    channel = Channel(3, config["nonce"])
    real_stderr = sys.stderr
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = open(os.devnull)
    sys.stdout = sys.stderr = capture.OUT
    try:
        _check(config, channel, real_stderr)
    except BaseException as exc:  # a bug of ours, not the learner's: say so, with our traceback
        traceback.print_exc(file=real_stderr)
        real_stderr.flush()
        channel.send({"type": "fatal", "kind": "internal",
                      "message": f"the check harness failed ({type(exc).__name__}: {exc}); please report this"})
    # Exit at once: the learner's atexit hooks, lingering threads and our own trace hooks must not run
    # during interpreter shutdown and print noise after the verdict.
    os._exit(0)


def _check(config, channel, real_stderr):
    channel.send({"type": "hello", "python": PYTHON_VERSION})
    need = _parse_version(config.get("minPython") or "3.10")
    if sys.version_info[:len(need)] < need:
        message = (f"this kata needs Python {config['minPython']} or newer; "
                   f"this is Python {PYTHON_VERSION}")
        channel.send({"type": "test", "name": "Python version", "status": "error", "message": message,
                      "elapsed": 0, "output": "",
                      "diagnostics": [{"kind": "requires-python", "message": message}]})
        channel.send({"type": "done", "status": "error", "output": ""})
        return

    watchdog = Watchdog(channel, real_stderr)  # before vlocks: the watchdog keeps real locks
    blocking.install()
    guard.install()
    vsched.install()
    vlocks.install()
    threads.install()
    executor.install()
    vio.install()
    executor.at_fork_in_child(cpu.stop_in_child)
    vloop.install()
    ordering.install()
    awaited.install()

    frames.add_trusted_file(config["tests"])
    execute(compile_file(config["tests"], "tests.py"), "kata_tests", config["tests"])
    reference = _reference_timeline(config, watchdog)

    frames.add_learner_file(config["learner"], config["display"])
    module, diagnostics, fatal = _load_learner(config, watchdog)
    if diagnostics:
        status = "error" if fatal else "fail"
        channel.send({"type": "test", "name": f"{config['display']} loads", "status": status,
                      "message": diagnostics[0].message, "elapsed": 0, "output": capture.OUT.take(),
                      "diagnostics": [d.record() for d in diagnostics]})
    if fatal:
        channel.send({"type": "done", "status": "error", "output": capture.OUT.take()})
        return
    load_output = capture.OUT.take()

    statuses = ["fail"] if diagnostics else []
    learner_timeline, timeline_name = None, None
    for test_case in CASES:
        channel.send({"type": "test-start", "name": test_case.name})
        outcome = run_case(test_case, module, watchdog)
        statuses.append(outcome.status)
        channel.send(outcome.record(capture.OUT.take()))
        if test_case.timeline:
            learner_timeline, timeline_name = outcome.collector.timeline(), test_case.name
    if learner_timeline is not None:
        channel.send({"type": "timeline", "case": timeline_name, "learner": learner_timeline,
                      "reference": reference})
    overall = "pass" if all(s == "pass" for s in statuses) else "fail"
    channel.send({"type": "done", "status": overall, "output": load_output + capture.OUT.take()})
