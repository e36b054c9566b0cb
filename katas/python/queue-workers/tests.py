"""Hidden tests for queue-workers: deliver is replaced by a fake subscriber endpoint with a latency per
event; after deliver_all returns, the test looks for tasks that are still alive."""
import asyncio
import functools
import heapq

from katacheck import Check, case

# event id -> delivery latency in seconds: uneven, so a worker that frees up early takes the next webhook
LATENCY = {"evt-1": 0.05, "evt-2": 0.02, "evt-3": 0.04, "evt-4": 0.01, "evt-5": 0.03,
           "evt-6": 0.02, "evt-7": 0.01}


class FakeEndpoints:
    def __init__(self, k: Check):
        self.webhook = getattr(k.learner, "Webhook", None)
        if self.webhook is None:
            k.fail("wrong-result", "your file no longer defines the Webhook class; the tests build webhooks with it")
        self.calls = []
        self.in_flight = 0
        self.most_in_flight = 0

    async def deliver(self, hook):
        self.calls.append(hook.event_id)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(LATENCY[hook.event_id])
        finally:
            self.in_flight -= 1
        return f"{hook.event_id}: 202"


def _install(k: Check):
    endpoints = FakeEndpoints(k)

    @functools.wraps(endpoints.deliver)
    async def deliver(hook):
        return await endpoints.deliver(hook)

    deliver.__qualname__ = deliver.__name__ = "deliver"
    k.patch(k.learner, "deliver", deliver)
    k.trace(k.learner, "deliver", label=lambda hook: f"deliver({getattr(hook, 'event_id', hook)})")
    return endpoints


def _finish_time(event_ids, workers):
    """When the last delivery ends if each webhook, in order, goes to the first worker that is free."""
    free_at = [0.0] * workers
    end = 0.0
    for event_id in event_ids:
        done = heapq.heappop(free_at) + LATENCY[event_id]
        heapq.heappush(free_at, done)
        end = max(end, done)
    return end


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def _waiting_in(task, file):
    """'worker(), waiting at <file>:<line>' for a task suspended in the learner's code, else its name."""
    coro = task.get_coro()
    code = getattr(coro, "cr_code", None)
    frame = getattr(coro, "cr_frame", None)
    name = f"{code.co_name}()" if code is not None else task.get_name()
    if getattr(coro, "cr_await", None) is None:
        return f"{name}, not started yet"
    if frame is not None and file:
        return f"{name}, waiting at {file}:{frame.f_lineno}"
    return name


def _leftovers(k: Check, what):
    this = asyncio.current_task()
    alive = [t for t in asyncio.all_tasks() if t is not this and not t.done()]
    if not alive:
        return
    home = k.defined_at("deliver_all")
    where = ", ".join(sorted({_waiting_in(t, home.file if home else None) for t in alive}))
    tasks = "1 task" if len(alive) == 1 else f"{len(alive)} tasks"
    are = "is" if len(alive) == 1 else "are"
    cancelling = getattr(alive[0], "cancelling", None)  # Task.cancelling() is 3.11+
    if cancelling is not None and all(t.cancelling() for t in alive):
        k.fail("unretrieved",
               f"{what} returned while {tasks} it cancelled had not finished yet ({where}): "
               "cancel() only asks a task to stop, at its next turn. Wait for the workers to actually end "
               "before returning", home)
    k.fail("unretrieved",
           f"{what} returned, but {tasks} it started {are} still running ({where}). join() only waits "
           "until every webhook is processed; the workers themselves stay alive, blocked on the empty queue, "
           "until the event loop itself shuts down. Shut them down, and wait until they have ended, before "
           "returning", home)


async def _deliver(k: Check, event_ids, workers):
    endpoints = _install(k)
    deliver_all = k.function("deliver_all")
    hooks = [endpoints.webhook(event_id, f"https://hooks.example/{event_id}") for event_id in event_ids]
    what = f"deliver_all({len(hooks)} webhooks, workers={workers})"
    started = k.now()
    got = await deliver_all(hooks, workers)
    took = k.now() - started
    home = k.defined_at("deliver_all")

    want = sorted(f"{event_id}: 202" for event_id in event_ids)
    if isinstance(got, (list, tuple)) and all(isinstance(r, str) for r in got):
        got_sorted = sorted(got)
        if got_sorted != want:
            missing = sorted(set(want) - set(got_sorted))
            if missing and len(got_sorted) < len(want):
                k.fail("wrong-result",
                       f"{what} returned {len(got)} receipts for {len(want)} webhooks (missing "
                       f"{', '.join(missing[:3])}): it must return only after every webhook is delivered", home)
            k.expect_value(got_sorted, want, f"{what} (receipts sorted)", home)
    else:
        k.expect_value(got, want, what, home)
    if sorted(endpoints.calls) != sorted(event_ids):
        k.fail("wrong-result",
               f"deliver was called for {endpoints.calls}; deliver each webhook exactly once", home)
    _leftovers(k, what)

    usable = min(workers, len(event_ids))
    if endpoints.most_in_flight > workers:
        k.fail("wrong-result",
               f"{endpoints.most_in_flight} deliveries were in flight at once; with workers={workers} "
               f"there may be at most {workers}", home)
    best = _finish_time(event_ids, workers)
    if endpoints.most_in_flight < usable:
        k.fail("too-slow",
               f"at most {endpoints.most_in_flight} of the {workers} workers delivered at the same time, so "
               f"{what} took {_ms(took)} instead of {_ms(best)}", home)
    if took > best + 1e-9:
        k.fail("too-slow",
               f"{what} took {_ms(took)}; the last delivery ended at {_ms(best)}, and it should return as "
               "soon as that one is done", home)
    k.expect_elapsed(started, at_least=best, what=what, where=home)


@case("seven webhooks, three workers: each delivered once, then the workers stop", timeline=True)
async def seven_webhooks(k: Check):
    await _deliver(k, list(LATENCY), 3)


@case("more workers than webhooks: the idle workers are stopped too")
async def idle_workers(k: Check):
    await _deliver(k, ["evt-1", "evt-4"], 5)


@case("no webhooks: returns at once, no worker left behind")
async def no_webhooks(k: Check):
    await _deliver(k, [], 3)
