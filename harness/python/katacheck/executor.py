"""Executor work in virtual time.

Each submitted call runs for real in its own thread (so `to_thread` code behaves as written), with a
ledger that turns its `time.sleep` calls into virtual duration. Results are delivered in submit order at
`start + duration` in virtual time, where `start` waits for a free worker slot of the executor's size:
the same schedule on any machine. While any call is still running for real, the loop does not move
virtual time (see vloop.py), so a result can never arrive "late" because the machine was slow.
"""
import concurrent.futures
import heapq
import threading
from collections import deque

from . import threads
from .clock import Ledger

# CPython sizes the default executor by the machine's CPU count; a fixed size keeps verdicts equal
# across machines. 8 is what a 4-core machine would get: min(32, cpu_count + 4).
DEFAULT_WORKERS = 8


class _Job:
    __slots__ = ("future", "func", "args", "submitted", "ledger", "done", "result", "error")

    def __init__(self, future, func, args, submitted):
        self.future, self.func, self.args, self.submitted = future, func, args, submitted
        self.ledger = Ledger(submitted)
        self.done = False
        self.result = None
        self.error = None


class VirtualPool:
    def __init__(self, loop, workers):
        self._loop = loop
        self._workers = max(1, workers)
        self._queue = deque()  # jobs in submit order, not yet scheduled
        self._busy = []  # virtual end times of jobs occupying worker slots

    def submit(self, func, args):
        future = self._loop.create_future()
        job = _Job(future, func, args, self._loop.clock.now)
        self._queue.append(job)
        self._loop.real_work_started()
        threading.Thread(target=self._run, args=(job,), daemon=True, name="asyncio-virtual-worker").start()
        return future

    def _run(self, job):
        threads.enter(threads.Tracked(self._loop, job.ledger))
        try:
            job.result = job.func(*job.args)
        except BaseException as exc:  # delivered to the awaiting task, like a real executor
            job.error = exc
        finally:
            threads.leave()
        try:
            self._loop.call_soon_threadsafe(self._finished, job)
        except RuntimeError:  # loop closed meanwhile: nobody is waiting any more
            pass

    def _finished(self, job):
        job.done = True
        self._loop.real_work_finished()
        while self._queue and self._queue[0].done:
            self._schedule(self._queue.popleft())

    def _schedule(self, job):
        while self._busy and self._busy[0] <= job.submitted:
            heapq.heappop(self._busy)
        start = job.submitted if len(self._busy) < self._workers else heapq.heappop(self._busy)
        end = start + job.ledger.spent
        heapq.heappush(self._busy, end)
        self._loop.call_at(end, self._deliver, job)

    @staticmethod
    def _deliver(job):
        if job.future.cancelled():
            return
        if job.error is not None:
            job.future.set_exception(job.error)
        else:
            job.future.set_result(job.result)


def workers_of(executor):
    if executor is None:
        return DEFAULT_WORKERS
    if isinstance(executor, concurrent.futures.ThreadPoolExecutor):
        return getattr(executor, "_max_workers", DEFAULT_WORKERS)
    return None  # not a thread pool (a process pool, say): run it for real
