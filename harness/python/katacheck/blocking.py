"""Blocking calls made on the loop thread while it runs the learner's code.

`time.sleep` is replaced (before the learner's module is executed, so `from time import sleep` gets
the replacement too): it sleeps in virtual time (vsched.py); on the loop thread that freezes the loop,
reported with how long. Socket, file, subprocess and input calls are
seen through audit hooks.
"""
import sys
import time

from . import awaited, clock, collector, vsched
from .collector import ms
from .clock import running_virtual_loop
from .frames import caller_is_learner, learner_where
from .traced import task_label

_AUDITED = {
    "open": "open()",
    "socket.connect": "socket.connect",
    "socket.getaddrinfo": "socket.getaddrinfo",
    "socket.gethostbyname": "socket.gethostbyname",
    "socket.sendto": "socket.sendto",
    "subprocess.Popen": "subprocess.Popen",
    "os.system": "os.system",
    "os.posix_spawn": "os.posix_spawn",
    "os.fork": "os.fork",
    "builtins.input": "input()",
    "urllib.Request": "urllib.request",
}

_WHY = {
    "open()": "file I/O",
    "subprocess.Popen": "starting and waiting on a process",
    "os.system": "running a shell command",
    "input()": "waiting for the keyboard",
}


_THREAD_WAITS = ("threading.", "queue.", "concurrent.futures.")


def _describe(diag):
    where = diag.where.text() if diag.where else "your code"
    task = f" (in task {diag.task})" if diag.task else ""
    times = f", {diag.count} times" if diag.count > 1 else ""
    if diag.frozen is not None:
        total = f"; {ms(diag.frozen)} in all" if diag.count > 1 else ""
        each = diag.frozen / diag.count
        return (
            f"blocking call {diag.call} at {where} froze the loop for {ms(each)}{times}{total}{task}: "
            f"no other task could run meanwhile"
        )
    why = _WHY.get(diag.call) or ("waiting for another thread" if diag.call.startswith(_THREAD_WAITS)
                                  else "network I/O")
    return f"blocking call {diag.call} at {where} ({why}) blocks the event loop{times}{task}"


def report(call, frame, frozen):
    col = collector.current()
    if col is None:
        return
    where = learner_where(frame) or awaited.scheduled_where(frame)
    col.blocking("blocking-call", call, where, task_label(), frozen, _describe)


def sleep(secs):
    if not isinstance(secs, (int, float)) or not (0 <= secs < float("inf")):
        clock.REAL_SLEEP(secs)  # same TypeError/ValueError/OverflowError as the real one
    p = vsched.running()
    if p is None:  # a thread the scheduler does not run: real time
        clock.REAL_SLEEP(secs)
        return
    on_loop = running_virtual_loop() is not None
    started = clock.CLOCK.now
    vsched.sleep(p, float(secs))  # whoever is due meanwhile runs first
    if on_loop:
        report("time.sleep", sys._getframe(1), clock.CLOCK.now - started)


def _virtual(real, origin):
    def read():
        now = clock.virtual_now()
        return real() if now is None else origin + now

    read.__name__ = real.__name__
    return read


def _virtual_ns(real, origin):
    def read():
        now = clock.virtual_now()
        return real() if now is None else int((origin + now) * 1e9)

    read.__name__ = real.__name__
    return read


def _audit(event, args):
    call = _AUDITED.get(event)
    if call is None:
        return
    if running_virtual_loop() is None:
        return
    if event == "open" and isinstance(args[0], int):
        return
    frame = sys._getframe(1)
    where = caller_is_learner(frame) or awaited.scheduled_where(frame)
    if where is None:
        return
    col = collector.current()
    if col is not None:
        col.blocking("blocking-call", call, where, task_label(), None, _describe)


_installed = [False]


def install():
    if _installed[0]:
        return
    _installed[0] = True
    time.sleep = sleep
    time.monotonic = _virtual(clock.REAL_MONOTONIC, clock._MONO_ORIGIN)
    time.perf_counter = _virtual(clock.REAL_PERF_COUNTER, clock._PERF_ORIGIN)
    time.time = _virtual(clock.REAL_TIME, clock._WALL_ORIGIN)
    time.monotonic_ns = _virtual_ns(time.monotonic_ns, clock._MONO_ORIGIN)
    time.perf_counter_ns = _virtual_ns(time.perf_counter_ns, clock._PERF_ORIGIN)
    time.time_ns = _virtual_ns(time.time_ns, clock._WALL_ORIGIN)
    sys.addaudithook(_audit)
