"""One virtual clock for every loop and every scheduled thread in the process.

Virtual time only moves when nobody can run sooner (see vsched.py): the loop waiting for its next timer,
a thread sleeping or waiting with a timeout. CPU work costs no virtual time unless the CPU budget flags
it on the loop thread.
"""
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

LOOP_TYPES = ()  # set by vloop: the loop classes that run on virtual time


def _no_participant():
    return None


# vsched.install sets this to vsched.current: clock must not import the scheduler (it imports clock).
_participant = [_no_participant]


def set_participant_lookup(lookup):
    _participant[0] = lookup


def running_virtual_loop():
    loop = _get_running_loop()
    return loop if isinstance(loop, LOOP_TYPES) else None


def now():
    """Virtual seconds: the one clock every participant reads."""
    return CLOCK.now


def virtual_now():
    """Virtual seconds as seen by the calling thread, or None where real time applies (threads the
    scheduler does not run, such as a process pool's management thread)."""
    if _participant[0]() is not None or running_virtual_loop() is not None:
        return CLOCK.now
    return None
