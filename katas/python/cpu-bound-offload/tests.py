"""Hidden tests for cpu-bound-offload.

rank is handed a stand-in for a ProcessPoolExecutor. Seen from outside it behaves like one: the function
and its arguments are pickled on the way in (by module and name, as a real pool sends them to a worker
process, so a lambda or a nested function fails the same way) and the result on the way back. The work
itself runs on plain threads of this process, so the check stays fast and gives the same verdict on any
machine, with any start method.
"""
import asyncio
import concurrent.futures
import inspect
import pickle
import threading
import time

from katacheck import Check, case

CRASH = (
    'Traceback (most recent call last):\n'
    '  File "shop/checkout.py", line 88, in checkout\n'
    '    total = price(cart, coupon)\n'
    '  File "shop/pricing.py", line 41, in price\n'
    '    return sum(line.cents * line.qty for line in cart.lines) - coupon.cents\n'
    "AttributeError: 'NoneType' object has no attribute 'cents'\n"
)
KNOWN = {
    "SHOP-063": (
        'Traceback (most recent call last):\n'
        '  File "shop/search.py", line 120, in suggest\n'
        '    hits = index.lookup(query.strip().lower())\n'
        '  File "shop/index.py", line 55, in lookup\n'
        '    return self.words[term][: self.limit]\n'
        "KeyError: 'socks'\n"
    ),
    "SHOP-142": (
        'Traceback (most recent call last):\n'
        '  File "shop/refunds.py", line 17, in refund\n'
        '    amount = price(order.cart, order.coupon)\n'
        '  File "shop/pricing.py", line 41, in price\n'
        '    return sum(line.cents * line.qty for line in cart.lines) - coupon.cents\n'
        "AttributeError: 'Coupon' object has no attribute 'cents'\n"
    ),
    "SHOP-087": (
        'Traceback (most recent call last):\n'
        '  File "shop/checkout.py", line 72, in checkout\n'
        '    total = price(cart, None)\n'
        '  File "shop/pricing.py", line 41, in price\n'
        '    return sum(line.cents * line.qty for line in cart.lines)\n'
        "TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'\n"
    ),
    "SHOP-101": (
        'Traceback (most recent call last):\n'
        '  File "shop/checkout.py", line 88, in checkout\n'
        '    total = price(cart, coupon)\n'
        '  File "shop/pricing.py", line 39, in price\n'
        '    return sum(line.cents * line.qty for line in cart.lines) - coupon.cents\n'
        "AttributeError: 'NoneType' object has no attribute 'cents'\n"
    ),
}
# edit_distance(CRASH, KNOWN[key]), worked out once with the starter's own edit_distance
DISTANCE = {"SHOP-063": 163, "SHOP-142": 40, "SHOP-087": 66, "SHOP-101": 2}
# Virtual time a job takes in the stand-in, per byte of its pickled call: the four distances take 5-6 ms,
# each a different time (the traces differ in length). With no time at all they would all finish at the
# same moment, and the order their results come back in would rest on how the harness breaks a tie
# between threads (or, on a real pool, on which worker happened to finish first), not on the jobs.
SECONDS_PER_BYTE = 10e-6


def _on_loop_thread():
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class PoolFuture(concurrent.futures.Future):
    """A pool's future that notices when the event-loop thread sits waiting on it."""

    def __init__(self, k: Check, where):
        super().__init__()
        self._k, self._where = k, where

    def result(self, timeout=None):
        if not self.done() and _on_loop_thread():
            self._k.fail(
                "blocking-call",
                "the event-loop thread waited for the process pool's result (future.result() or pool.map): "
                "while a worker process computes, no other task can run. Await it instead: "
                "loop.run_in_executor(pool, ...) or asyncio.wrap_future(pool.submit(...))",
                self._where,
            )
        return super().result(timeout)


def _work(future, payload):
    if not future.set_running_or_notify_cancel():
        return
    try:
        fn, args, kwargs = pickle.loads(payload)
        result = pickle.loads(pickle.dumps(fn(*args, **kwargs)))
        time.sleep(len(payload) * SECONDS_PER_BYTE)  # this worker thread's virtual time (see above)
    except BaseException as exc:  # a worker's error comes back on its future, as with a real pool
        future.set_exception(exc)
    else:
        future.set_result(result)


class ProcessPoolStandIn(concurrent.futures.Executor):
    """Jobs submitted during one turn of the event loop start together on the next one, so `most_at_once`
    says how many distances were handed to the pool before any of them was waited for."""

    def __init__(self, k: Check, loop, where):
        self._k, self._loop, self._where = k, loop, where
        self.jobs = []
        self.unpicklable = []
        self.most_at_once = 0
        self._waiting = []
        self._release_pending = False

    def submit(self, fn, /, *args, **kwargs):
        future = PoolFuture(self._k, self._where)
        try:
            payload = pickle.dumps((fn, args, kwargs))
        except Exception as exc:  # a real pool fails the same way: on the future, seen at the await
            self.unpicklable.append(exc)
            future.set_exception(exc)
            return future
        self.jobs.append(getattr(fn, "__name__", repr(fn)))
        self._waiting.append((future, payload))
        if not self._release_pending:
            self._release_pending = True
            self._loop.call_soon_threadsafe(self._release)
        return future

    def _release(self):
        self._release_pending = False
        batch, self._waiting = self._waiting, []
        self.most_at_once = max(self.most_at_once, len(batch))
        for future, payload in batch:
            threading.Thread(target=_work, args=(future, payload), daemon=True, name="process-pool-stand-in").start()

    def __repr__(self):
        return "<ProcessPoolExecutor max_workers=4>"


def _spy_executors(k: Check, loop):
    """Which executors the learner's code handed work to (to_thread goes through here with None)."""
    used = []
    original = loop.run_in_executor

    def run_in_executor(executor, func, *args):
        used.append(executor)
        return original(executor, func, *args)

    k.patch(loop, "run_in_executor", run_in_executor)
    return used


def _classes(k: Check):
    issue, match = getattr(k.learner, "Issue", None), getattr(k.learner, "Match", None)
    if issue is None or match is None:
        k.fail("wrong-result", "your file no longer defines the Issue and Match classes; the tests use both")
    return issue, match


async def _rank(k: Check, keys):
    """Run rank over the given known issues; check the ranking and that the work reached the pool."""
    rank = k.function("rank")
    loop = asyncio.get_running_loop()
    where = k.defined_at("score") or k.defined_at("rank")
    pool = ProcessPoolStandIn(k, loop, where)
    executors = _spy_executors(k, loop)
    issue, match = _classes(k)
    call = f"rank(crash, {len(keys)} known issue{'s' if len(keys) != 1 else ''})"
    try:
        got = await rank(CRASH, [issue(key, KNOWN[key]) for key in keys], pool)
    except Exception as exc:
        if not pool.unpicklable:
            raise
        k.fail("exception",
               f"the process pool could not pickle what it was given ({type(exc).__name__}: {exc}). A process "
               "pool sends the function to a worker process by its module and name, so hand it a module-level "
               "function such as edit_distance itself, not a lambda or a function defined inside another",
               where)
    for item in got if isinstance(got, list) else []:
        distance = getattr(item, "distance", None)
        if inspect.isawaitable(distance):
            kind = "an asyncio Future" if isinstance(distance, asyncio.Future) else type(distance).__name__
            k.fail("wrong-result",
                   f"{call} returned a Match whose distance is {kind}, not a number: "
                   "await the future that run_in_executor returns to get edit_distance's result", where)
    want = sorted((match(key, DISTANCE[key]) for key in keys), key=lambda m: m.distance)
    k.expect_value(got, want, call, k.defined_at("rank"))
    if keys and not pool.jobs:
        if any(executor is not pool for executor in executors):
            k.fail("cpu-bound",
                   "edit_distance ran in a worker thread (asyncio.to_thread, or run_in_executor with None or a "
                   "thread pool), not in the process pool rank was given. On a standard CPython build a "
                   "pure-Python loop holds the GIL for every bytecode it runs, so that thread and the event "
                   "loop take turns on one interpreter lock: other tasks still slow down and the distances get "
                   "no parallelism. Hand the work to the pool: loop.run_in_executor(pool, edit_distance, ...)",
                   where)
        k.fail("cpu-bound",
               "edit_distance ran on the event-loop thread and never reached the process pool rank was given: "
               "however it is sliced, that CPU work takes turns with every other task on the loop's one "
               "thread. Run it in the pool: loop.run_in_executor(pool, edit_distance, ...)", where)
    return pool


@case("one known issue: its distance is computed in the process pool")
async def one_issue(k: Check):
    await _rank(k, ["SHOP-142"])


@case("four known issues are scored in the pool at once and ranked closest first")
async def four_issues(k: Check):
    keys = ["SHOP-063", "SHOP-142", "SHOP-087", "SHOP-101"]
    pool = await _rank(k, keys)
    where = k.defined_at("score") or k.defined_at("rank")
    k.expect(len(pool.jobs) >= len(keys), "too-slow",
             f"the process pool got {len(pool.jobs)} job{'s' if len(pool.jobs) != 1 else ''} for {len(keys)} "
             "known issues, so one worker process computes them one after another while the others sit idle: "
             "submit one edit_distance per issue and let the pool spread them over its processes", where)
    k.expect(pool.most_at_once >= len(keys), "too-slow",
             f"the process pool never had more than {pool.most_at_once} of the {len(keys)} distances at once: "
             "each was awaited before the next was submitted, so the pool's other processes sat idle; submit "
             "them all first, then await them together", where)


@case("no known issues: an empty ranking and no work for the pool")
async def no_issues(k: Check):
    pool = await _rank(k, [])
    k.expect(not pool.jobs, "wrong-result",
             f"rank(crash, []) still sent {len(pool.jobs)} job(s) to the process pool", k.defined_at("rank"))
