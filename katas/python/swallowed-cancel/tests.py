"""Hidden tests for swallowed-cancel: process and the lease are fakes that record what happened, and when."""
import asyncio
import functools

from katacheck import Check, case

WORK = 0.1  # each job takes 100 ms
ROUND_TRIP = 0.01  # acquiring or releasing the lease takes 10 ms
GRACE = 5.0  # virtual seconds the tests wait for a cancelled worker before calling it hung
EPS = 1e-9


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


class FakeWork:
    """Stands in for process: one entry per job, with how it ended and when."""

    def __init__(self, k: Check):
        self.k = k
        self.started = []  # (job, virtual time)
        self.ended = []  # (job, "done" | "failed" | "cancelled", virtual time)

    async def process(self, job):
        self.started.append((job, self.k.now()))
        try:
            await asyncio.sleep(WORK)
        except asyncio.CancelledError:
            self.ended.append((job, "cancelled", self.k.now()))
            raise
        if job.startswith("bad"):
            self.ended.append((job, "failed", self.k.now()))
            raise ValueError(f"cannot process {job}")
        self.ended.append((job, "done", self.k.now()))


class FakeLease:
    """Stands in for the Lease: remembers when it was acquired and released."""

    def __init__(self, k: Check):
        self.k = k
        self.acquired = []
        self.released = []

    async def acquire(self):
        await asyncio.sleep(ROUND_TRIP)
        self.acquired.append(self.k.now())

    async def release(self):
        await asyncio.sleep(ROUND_TRIP)
        self.released.append(self.k.now())


def _install(k: Check):
    work = FakeWork(k)

    @functools.wraps(work.process)
    async def process(job):
        return await work.process(job)

    process.__qualname__ = process.__name__ = "process"
    k.patch(k.learner, "process", process)
    k.trace(k.learner, "process", label=lambda job: f"process({job})")
    return work


def _start(k: Check, jobs):
    run_worker = k.function("run_worker")
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    lease = FakeLease(k)
    k.trace(lease, "release", label=lambda: "lease.release()")
    return asyncio.ensure_future(run_worker(queue, lease)), lease


def _process_site(k: Check):
    sites = k.call_sites("process")
    return sites[0] if sites else k.defined_at("run_worker")


def _expect_alive(k: Check, worker, what):
    if not worker.done():
        return
    where = _process_site(k)
    if worker.cancelled():
        k.fail("wrong-result", f"run_worker was cancelled {what}, though nobody cancelled it", where)
    exc = worker.exception()
    if exc is not None:
        k.fail("exception",
               f"run_worker stopped {what} with {type(exc).__name__}: {exc}. One failing job must not "
               "stop the worker: catch the job's errors around the call, and only those", where)
    k.fail("wrong-result", f"run_worker returned {what}; it should keep waiting for more jobs until it "
           "is cancelled", k.defined_at("run_worker"))


async def _cancel_and_judge(k: Check, worker, work, lease, busy_job=None):
    """Cancel the worker; it must end cancelled, at once, having released its lease exactly once."""
    cancelled_at = k.now()
    worker.cancel()
    done, _ = await asyncio.wait({worker}, timeout=GRACE)
    where = _process_site(k)
    if not done:
        doing = f" while it was processing {busy_job}" if busy_job else ""
        later = [job for job, t in work.started if t >= cancelled_at - EPS]
        went_on = f" and started {', '.join(later)} after that" if later else ""
        swallowed = any(how == "cancelled" for _, how, _ in work.ended)
        why = (f"the CancelledError that cancel() raised inside the await of process at "
               f"{where.text() if where else 'run_worker'} was caught, and the loop went on" if swallowed
               else "something caught the CancelledError that cancel() raised inside it")
        k.fail("timeout",
               f"run_worker was cancelled at {_ms(cancelled_at)}{doing}, but {GRACE:g} s later it was "
               f"still running{went_on}: {why}. cancel() only throws CancelledError into the task; a "
               "handler that catches it without re-raising undoes the cancel, and the lease is never "
               "released", where)
    if not worker.cancelled():
        exc = worker.exception()
        if exc is not None:
            k.fail("exception", f"run_worker ended with {type(exc).__name__}: {exc} when it was cancelled",
                   where)
        k.fail("wrong-result",
               f"run_worker was cancelled at {_ms(cancelled_at)} but returned normally, as if it had "
               "finished: the CancelledError was caught and not re-raised. Whoever cancelled it (a "
               "shutdown, a timeout, a TaskGroup) must see it end cancelled; clean up, then let the "
               "CancelledError propagate", k.defined_at("run_worker"))
    releases = k.call_sites("release")
    release_at = releases[0] if releases else k.defined_at("run_worker")
    if len(lease.released) != 1:
        k.fail("wrong-result",
               f"the lease was released {len(lease.released)} times when the worker stopped; it must be "
               "released exactly once, however the worker ends (a finally block is the place)",
               release_at)
    took = k.now() - cancelled_at
    if took > ROUND_TRIP + EPS:
        k.fail("too-slow",
               f"run_worker took {_ms(took)} to stop after cancel(); it should stop at once, abandoning "
               f"the job in progress: only releasing the lease ({_ms(ROUND_TRIP)}) may come after the cancel",
               where)
    if abs(lease.released[0] - (cancelled_at + ROUND_TRIP)) > EPS:
        k.fail("wrong-result", f"the lease was released at {_ms(lease.released[0])}; it should be released "
               f"when the worker is cancelled, at {_ms(cancelled_at)}", release_at)
    if busy_job is not None and (busy_job, "cancelled", cancelled_at) not in work.ended:
        k.fail("wrong-result",
               f"{busy_job} was still being processed when the worker was cancelled, but it was not "
               "interrupted: cancelling the worker must cancel the job it is awaiting", where)


@case("a failing job is skipped and the worker carries on")
async def skips_failing_job(k: Check):
    work = _install(k)
    worker, lease = _start(k, ["a", "bad-b", "c"])
    await asyncio.sleep(ROUND_TRIP + 3 * WORK + 0.04)  # lease, three jobs, then idle for a while
    _expect_alive(k, worker, "after job bad-b failed")
    want = [("a", "done"), ("bad-b", "failed"), ("c", "done")]
    got = [(job, how) for job, how, _ in work.ended]
    if got != want:
        k.fail("wrong-result", f"the jobs ended as {got}; expected {want}: process each job once, in "
               "order, and skip the one that fails", _process_site(k))
    if len(lease.acquired) != 1:
        k.fail("wrong-result", f"the lease was acquired {len(lease.acquired)} times; acquire it once, "
               "before the first job", k.defined_at("run_worker"))
    await _cancel_and_judge(k, worker, work, lease)


@case("cancelling a busy worker stops it at once and releases the lease", timeline=True)
async def cancel_busy(k: Check):
    work = _install(k)
    worker, lease = _start(k, [f"job-{n}" for n in range(1, 6)])
    await asyncio.sleep(0.25)  # job-3 started at 210 ms and is halfway through
    _expect_alive(k, worker, "before it was cancelled")
    await _cancel_and_judge(k, worker, work, lease, busy_job="job-3")
    started = [job for job, _ in work.started]
    if started != ["job-1", "job-2", "job-3"]:
        k.fail("wrong-result", f"the worker started {started}; after the cancel it must not start "
               "another job", _process_site(k))


@case("cancelling an idle worker stops it at once and releases the lease")
async def cancel_idle(k: Check):
    work = _install(k)
    worker, lease = _start(k, [])
    await asyncio.sleep(0.05)  # nothing to do: the worker waits for a job
    _expect_alive(k, worker, "while the queue was empty")
    await _cancel_and_judge(k, worker, work, lease)
