"""One virtual clock for every loop in the process, and the `time` functions that read it.

Virtual time only moves when the loop has nothing ready (it jumps to the next timer) or when the
loop thread is frozen by a blocking call. CPU work on the loop thread costs no virtual time unless the
CPU budget flags it.
"""
import threading
import time
from asyncio.events import _get_running_loop

REAL_SLEEP = time.sleep
REAL_MONOTONIC = time.monotonic
REAL_PERF_COUNTER = time.perf_counter
REAL_TIME = time.time

_MONO_ORIGIN = REAL_MONOTONIC()
_PERF_ORIGIN = REAL_PERF_COUNTER()
_WALL_ORIGIN = REAL_TIME()


class VirtualClock:
    __slots__ = ("now",)

    def __init__(self):
        self.now = 0.0

    def advance_to(self, when):
        if when > self.now:
            self.now = when

    def advance_by(self, seconds):
        if seconds > 0:
            self.now += seconds


CLOCK = VirtualClock()

# Executor workers run real threads; their `time.sleep` adds to a ledger instead of sleeping.
_worker = threading.local()


class Ledger:
    __slots__ = ("start", "spent")

    def __init__(self, start):
        self.start = start
        self.spent = 0.0


class LedgerClock:
    """The clock of an event loop run inside a worker thread (asyncio.run in to_thread, say): that
    thread's own virtual time, so its sleeps are the work's duration and never move the main clock."""

    __slots__ = ("ledger",)

    def __init__(self, ledger):
        self.ledger = ledger

    @property
    def now(self):
        return self.ledger.start + self.ledger.spent

    def advance_to(self, when):
        if when > self.now:
            self.ledger.spent = when - self.ledger.start

    def advance_by(self, seconds):
        if seconds > 0:
            self.ledger.spent += seconds


def current_ledger():
    return getattr(_worker, "ledger", None)


def set_ledger(ledger):
    _worker.ledger = ledger


LOOP_TYPES = ()  # set by vloop: the loop classes that run on virtual time


def running_virtual_loop():
    loop = _get_running_loop()
    return loop if isinstance(loop, LOOP_TYPES) else None


def now():
    """Virtual seconds as the calling thread sees them; the main clock where no loop or ledger applies."""
    seen = virtual_now()
    return CLOCK.now if seen is None else seen


def virtual_now():
    """Virtual seconds as seen by the calling thread, or None where real time applies."""
    ledger = current_ledger()
    if ledger is not None:
        return ledger.start + ledger.spent
    if running_virtual_loop() is not None:
        return CLOCK.now
    return None
