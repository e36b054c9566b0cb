"""Hidden tests for request-id-context: load_user, load_orders and render are replaced by fakes with
their own latency. Each fake asks the learner's current_request_id() which request it works for, after
its wait (when other requests have had their turn), and the tests compare that with the request that
really called it."""
import asyncio
import time

from katacheck import Check, case

# user -> (load_user latency, load_orders latency): chosen so that overlapping requests interleave, and
# no two loads end at the same moment (the order of a tie would follow how the learner started them)
LATENCY = {"ann": (0.01, 0.03), "bob": (0.02, 0.015), "cy": (0.01, 0.005)}
RENDER = 0.005  # blocking work in render(), done in a worker thread
ORDERS = {"ann": 3, "bob": 1, "cy": 0}
NONE = "-"  # what current_request_id() says outside any request


class FakeBackend:
    """Stands in for the database, the orders service and the template engine."""

    def __init__(self, k: Check):
        self.k = k
        self.request_id = k.function("current_request_id", coroutine=False)
        self.request_of = {}  # user id -> the request the test made for that user
        self.seen = []  # (what, user id, what current_request_id() said), in the order they ran

    def _note(self, what, user_id):
        self.seen.append((what, user_id, self.request_id()))

    async def load_user(self, user_id):
        await asyncio.sleep(LATENCY[user_id][0])
        self._note(f"load_user({user_id!r})", user_id)
        return {"id": user_id}

    async def load_orders(self, user_id):
        await asyncio.sleep(LATENCY[user_id][1])
        self._note(f"load_orders({user_id!r})", user_id)
        return [f"order-{i}" for i in range(ORDERS[user_id])]

    def render(self, user, orders):
        time.sleep(RENDER)  # blocking: fine in a worker thread, a blocking-call on the loop
        self._note("render()", user["id"])
        return f"{user['id']}: {len(orders)} orders"


def _install(k: Check):
    for name in ("load_user", "load_orders"):
        k.function(name)  # both must still be there (and async) for handle to call
    k.function("render", coroutine=False)
    backend = FakeBackend(k)

    async def load_user(user_id):
        return await backend.load_user(user_id)

    async def load_orders(user_id):
        return await backend.load_orders(user_id)

    def render(user, orders):
        return backend.render(user, orders)

    k.patch(k.learner, "load_user", load_user)
    k.patch(k.learner, "load_orders", load_orders)
    k.patch(k.learner, "render", render)
    k.patch(k.learner, "LOG", [])
    k.trace(k.learner, "load_user", label=lambda user_id: f"load_user({user_id})")
    k.trace(k.learner, "load_orders", label=lambda user_id: f"load_orders({user_id})")
    return backend


async def _handle(k: Check, backend, pairs):
    """Run handle(request_id, user_id) for every pair at once; check each page and every id seen."""
    handle = k.function("handle")
    for request_id, user_id in pairs:
        backend.request_of[user_id] = request_id
    if len(pairs) == 1:  # awaited right here, in the caller's own context, as a middleware would
        pages = [await handle(*pairs[0])]
    else:
        pages = await asyncio.gather(*(handle(r, u) for r, u in pairs))
    where = k.defined_at("handle")
    for (request_id, user_id), page in zip(pairs, pages):
        k.expect_value(page, f"{user_id}: {ORDERS[user_id]} orders", f"handle({request_id!r}, {user_id!r})", where)
    for user_id in (u for _, u in pairs):
        ran = {what.split("(")[0] for what, user, _ in backend.seen if user == user_id}
        missing = [f for f in ("load_user", "load_orders", "render") if f not in ran]
        if missing:
            k.fail("wrong-result",
                   f"handle for {user_id} never called {', '.join(missing)}: keep loading the user and the "
                   "orders, then rendering the page", where)
    for what, user_id, seen in backend.seen:
        want = backend.request_of[user_id]
        if seen == want:
            continue
        if what == "render()" and seen == NONE and len(pairs) == 1:
            k.fail("wrong-result",
                   f"render() ran in a worker thread for request {want!r}, but current_request_id() said "
                   f"{seen!r} there: the worker thread did not get the request's context. asyncio.to_thread "
                   "runs the function in a copy of the caller's context; loop.run_in_executor does not", where)
        if seen == NONE:
            k.fail("wrong-result",
                   f"{what} ran for request {want!r}, but current_request_id() said {seen!r} there, as if outside "
                   "any request: it never saw the request's id. A task works on a copy of the context as it was "
                   "when the task was created (gather creates tasks too), so set the id before creating them, "
                   "and keep it where tasks and threads inherit it: a contextvars.ContextVar", where)
        k.fail("wrong-result",
               f"{what} ran for request {want!r}, but current_request_id() said {seen!r} there: "
               "requests that overlap in time share one module-level variable, and the last one to start "
               "overwrites it for everyone. Each request needs its own value, one that the tasks it starts "
               "(gather) and its worker thread (to_thread) inherit: a contextvars.ContextVar", where)
    return pages


@case("one request: every step sees its id")
async def one_request(k: Check):
    backend = _install(k)
    started = k.now()
    await _handle(k, backend, [("req-1", "cy")])
    k.expect_elapsed(started, at_most=max(LATENCY["cy"]) + RENDER, what="handle('req-1', 'cy')",
                     where=k.defined_at("handle"))


@case("two requests at once keep their own ids", timeline=True)
async def two_at_once(k: Check):
    backend = _install(k)
    started = k.now()
    await _handle(k, backend, [("req-A", "ann"), ("req-B", "bob")])
    slowest = max(max(LATENCY[u]) for u in ("ann", "bob")) + RENDER
    k.expect_elapsed(started, at_most=slowest, what="two requests at once", where=k.defined_at("handle"))


@case("after handle returns, the caller's id is back")
async def id_restored(k: Check):
    backend = _install(k)
    await _handle(k, backend, [("req-C", "cy")])
    after = backend.request_id()
    k.expect(after == NONE, "wrong-result",
             f"handle('req-C', 'cy') has returned, yet current_request_id() in the code that called it says "
             f"{after!r} instead of {NONE!r}: the request's id leaked out of handle into its caller, and every "
             "log line written afterwards is blamed on req-C. Awaiting a coroutine runs it in the caller's own "
             "context, so even a ContextVar set inside handle stays set for the caller: keep the token that "
             "set() returns and reset it in a finally block", k.defined_at("handle"))
    await _handle(k, backend, [("req-D", "bob")])
    after = backend.request_id()
    k.expect(after == NONE, "wrong-result",
             f"after a second request, current_request_id() in its caller says {after!r} instead of {NONE!r}",
             k.defined_at("handle"))
