"""Wall-clock watchdog: the last line behind the deterministic budgets.

Virtual time, the loop-iteration budget and the CPU line budget end almost every runaway. What they
can't see (a C-level loop, real blocking I/O, code that swallows our stop) is interrupted after
`STAGE1` seconds of wall time; if the test still doesn't return, a `fatal` record is written with the
learner's current line and the process exits. A correct fix finishes in milliseconds, far from either.
"""
import _thread
import faulthandler
import os
import signal
import sys
import threading

STAGE1 = 8.0
STAGE2 = 3.0
LAST_RESORT = STAGE1 + STAGE2 + 1.0  # faulthandler's own C thread ends even a loop holding the GIL


class Watchdog:
    def __init__(self, channel, stderr):
        self._channel = channel
        self._stderr = stderr
        self._cond = threading.Condition()
        self._armed = None  # (generation, label)
        self._generation = 0
        self.fired = False
        self.where = None  # the learner's line the main thread was at when stage 1 fired
        self._main = threading.main_thread().ident
        threading.Thread(target=self._watch, daemon=True, name="async-katas-watchdog").start()

    def arm(self, label):
        with self._cond:
            self._generation += 1
            self._armed = (self._generation, label)
            self.fired = False
            self._cond.notify()
        faulthandler.dump_traceback_later(LAST_RESORT, exit=True, file=self._stderr)

    def disarm(self):
        faulthandler.cancel_dump_traceback_later()
        with self._cond:
            self._generation += 1
            self._armed = None
            self._cond.notify()

    def _watch(self):
        with self._cond:
            while True:
                while self._armed is None:
                    self._cond.wait()
                generation, label = self._armed
                if self._cond.wait_for(lambda: self._generation != generation, STAGE1):
                    continue
                self.fired = True
                self._interrupt()
                if self._cond.wait_for(lambda: self._generation != generation, STAGE2):
                    continue
                self._fatal(label)

    def _interrupt(self):
        from .frames import learner_where

        self.where = learner_where(sys._current_frames().get(self._main))
        # A real signal to the main thread: it also breaks a blocking system call (a lock or a read),
        # which _thread.interrupt_main alone would leave waiting.
        if hasattr(signal, "pthread_kill"):
            signal.pthread_kill(self._main, signal.SIGINT)
        else:
            _thread.interrupt_main()

    def _fatal(self, label):
        from .frames import learner_where

        frame = sys._current_frames().get(self._main)
        where = learner_where(frame)
        record = {
            "type": "fatal",
            "kind": "timeout",
            "message": (
                f"'{label}' was still running after {STAGE1 + STAGE2:g} s of real time and would not "
                "stop" + (f"; it was at {where.text()}" if where else "")
            ),
        }
        if where is not None:
            record["file"], record["line"] = where.file, where.line
        try:
            self._channel.send(record)
        finally:
            os._exit(3)
