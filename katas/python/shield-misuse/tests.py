"""Hidden tests for shield-misuse: authorize and capture are a fake payment provider that records, per order,
how far each payment got and when; checkout's callers give up halfway through."""
import asyncio
import functools

from katacheck import Check, case

HOLD = 0.1  # authorize: the provider puts the money on hold
TAKE = 0.2  # capture: the provider takes it
COMMIT = HOLD + TAKE
GRACE = 1.0  # virtual seconds the tests wait for something that should be immediate
EPS = 1e-9


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def _checkout_await_site(k: Check):
    """The line where a suspended checkout is waiting, found by walking every task's chain of awaits."""
    base = k.defined_at("checkout")
    if base is None:
        return None
    for task in asyncio.all_tasks():
        coro, hops = task.get_coro(), 0
        while coro is not None and hops < 50:
            hops += 1
            inner = getattr(coro, "inner", None)  # the harness's tracing wrapper
            if inner is not None:
                coro = inner
                continue
            frame = getattr(coro, "cr_frame", None)
            code = getattr(frame, "f_code", None)
            if code is not None and code.co_name == "checkout" and code.co_firstlineno == base.line:
                return type(base)(base.file, frame.f_lineno, "checkout")
            coro = getattr(coro, "cr_await", None)
    return None


class FakeProvider:
    """Stands in for the payment provider."""

    def __init__(self, k: Check):
        self.k = k
        self.await_site = None  # where checkout waits while the payment runs
        self.authorizations = {}  # order_id -> how many times authorize was called
        self.state = {}  # order_id -> "authorizing", "on hold", "capturing", "captured" or how it was cut off
        self.when = {}  # order_id -> virtual time of the last change

    def _set(self, order_id, state):
        self.state[order_id] = state
        self.when[order_id] = self.k.now()

    async def authorize(self, order):
        order_id = order.order_id
        self.authorizations[order_id] = self.authorizations.get(order_id, 0) + 1
        self.await_site = self.await_site or _checkout_await_site(self.k)
        self._set(order_id, "authorizing")
        try:
            await asyncio.sleep(HOLD)
        except asyncio.CancelledError:
            self._set(order_id, "cancelled during authorize")
            raise
        self._set(order_id, "on hold")
        return f"auth-{order_id}"

    async def capture(self, auth_id):
        order_id = auth_id.removeprefix("auth-")
        self._set(order_id, "capturing")
        try:
            await asyncio.sleep(TAKE)
        except asyncio.CancelledError:
            self._set(order_id, "cancelled during capture")
            raise
        self._set(order_id, "captured")
        return f"pay-{auth_id}"


def _install(k: Check):
    """Fake provider in, every step traced; returns the provider and the (traced) checkout."""
    provider = FakeProvider(k)
    for name in ("authorize", "capture"):
        method = getattr(provider, name)

        @functools.wraps(method)
        async def step(arg, _method=method):
            return await _method(arg)

        step.__qualname__ = step.__name__ = name
        k.patch(k.learner, name, step)
    existing = getattr(k.learner, "in_flight", None)
    if isinstance(existing, (set, dict, list)):
        k.patch(k.learner, "in_flight", type(existing)())  # nothing left over from another test
    k.function("checkout")
    k.function("commit_payment")
    k.trace(k.learner, "checkout", label=lambda order: f"checkout({getattr(order, 'order_id', order)})")
    k.trace(k.learner, "commit_payment",
            label=lambda order: f"commit_payment({getattr(order, 'order_id', order)})")
    k.trace(k.learner, "authorize", label=lambda order: f"authorize({getattr(order, 'order_id', order)})")
    k.trace(k.learner, "capture", label=lambda auth_id: f"capture({auth_id})")
    return provider, k.learner.checkout


def _order(k: Check, order_id):
    order = getattr(k.learner, "Order", None)
    if order is None:
        k.fail("wrong-result", "your file no longer defines the Order class; the tests build orders with it")
    return order(order_id, 4200)


def _receipt(k: Check, order_id):
    receipt = getattr(k.learner, "Receipt", None)
    if receipt is None:
        k.fail("wrong-result", "your file no longer defines the Receipt class; checkout must return one")
    return receipt(order_id, f"pay-auth-{order_id}")


def _commit_site(k: Check):
    sites = k.call_sites("commit_payment")
    return sites[0] if sites else k.defined_at("checkout")


def _expect_committed(k: Check, provider, order_id, started, why):
    """The payment of order_id must have gone all the way through, once, at started + COMMIT."""
    where = _commit_site(k)
    times = provider.authorizations.get(order_id, 0)
    if times > 1:
        lines = ", ".join(site.text() for site in k.call_sites("commit_payment")) or "checkout"
        k.fail("wrong-result",
               f"order {order_id} was charged {times} times: one checkout called commit_payment {times} "
               f"times ({lines}), and every call is a new payment. Start the payment once, and protect "
               "that one task", where)
    state = provider.state.get(order_id)
    if state is None:
        k.fail("wrong-result", f"the payment of order {order_id} never started", where)
    if state.startswith("cancelled"):
        half = (" The money is on hold but was never taken." if state.endswith("capture")
                else " The customer's order is left unpaid.")
        where = provider.await_site or where
        at = f" at {where.text()}" if where else ""
        k.fail("wrong-result",
               f"the payment of order {order_id} was {state} at {_ms(provider.when[order_id])}, when "
               f"{why}.{half} Cancelling checkout also cancelled the payment task it was awaiting{at}: "
               "a task cancelled while it awaits another task passes the cancel on to it. Once started, "
               "a payment must run to the end, whoever stops waiting for it", where)
    if state != "captured":
        k.fail("wrong-result", f"the payment of order {order_id} stopped at '{state}'; it must be captured",
               where)
    if abs(provider.when[order_id] - (started + COMMIT)) > EPS:
        k.fail("wrong-result", f"the payment of order {order_id} was captured at "
               f"{_ms(provider.when[order_id])}; it should be captured {_ms(COMMIT)} after checkout "
               f"started, at {_ms(started + COMMIT)}", where)


def _expect_nothing_pending(k: Check, what):
    me = asyncio.current_task()
    left = [t for t in asyncio.all_tasks() if t is not me and not t.done()]
    if left:
        k.fail("unretrieved",
               f"{what}, {len(left)} task(s) were still running: a payment nobody waits for any more. "
               "When the program ends, asyncio.run cancels every task left over, cutting such a payment "
               "off halfway", _commit_site(k))


async def _ended_by_cancel(k: Check, task, name, cancelled_at):
    """The checkout task was cancelled at cancelled_at: it must end cancelled, right then."""
    done, _ = await asyncio.wait({task}, timeout=GRACE)
    where = k.defined_at("checkout")
    if not done:
        k.fail("timeout", f"{name} was cancelled at {_ms(cancelled_at)} but {GRACE:g} s later it was still "
               "running: it kept the cancel from taking effect", where)
    if not task.cancelled():
        exc = task.exception()
        if exc is not None:
            k.fail("exception", f"{name} ended with {type(exc).__name__}: {exc} when it was cancelled", where)
        k.fail("wrong-result",
               f"{name} was cancelled at {_ms(cancelled_at)} but returned {task.result()!r} at "
               f"{_ms(k.now())}: it caught the CancelledError. The caller has gone: checkout must still "
               "end cancelled; only the payment itself should be protected", where)
    _expect_stopped_at_once(k, name, cancelled_at, where)


def _expect_stopped_at_once(k: Check, name, cancelled_at, where):
    if k.now() > cancelled_at + EPS:
        k.fail("too-slow",
               f"{name} was cancelled at {_ms(cancelled_at)} but only ended at {_ms(k.now())}: it waited "
               "for the payment before giving up. The caller should be released at once; the payment "
               "carries on without it, and drain() waits for it at shutdown", where)


@case("a checkout nobody cancels returns its receipt after 300 ms")
async def plain_checkout(k: Check):
    provider, checkout = _install(k)
    started = k.now()
    got = await checkout(_order(k, "A"))
    where = k.defined_at("checkout")
    k.expect_value(got, _receipt(k, "A"), "checkout(Order('A', 4200))", where)
    _expect_committed(k, provider, "A", started, "checkout returned")
    if k.now() > started + COMMIT + EPS:
        k.fail("too-slow", f"checkout took {_ms(k.now() - started)}; the payment takes {_ms(COMMIT)}", where)
    _expect_nothing_pending(k, "after checkout returned")


@case("a client that hangs up mid-payment leaves no money on hold", timeline=True)
async def client_hangs_up(k: Check):
    provider, checkout = _install(k)
    started = k.now()
    request = asyncio.ensure_future(checkout(_order(k, "B")))
    await asyncio.sleep(0.15)  # authorize is done, capture is halfway
    request.cancel()  # the client hung up
    await _ended_by_cancel(k, request, "checkout(Order('B', 4200))", started + 0.15)
    await asyncio.sleep(0.5 - (k.now() - started))  # well past the end of the payment
    _expect_committed(k, provider, "B", started, "the client hung up (checkout was cancelled)")
    _expect_nothing_pending(k, "long after the payment should have finished")


@case("a request timeout does not stop the payment, and drain() waits for it")
async def timeout_then_drain(k: Check):
    provider, checkout = _install(k)
    drain = k.function("drain")
    started = k.now()
    name = "checkout(Order('C', 4200))"
    where = k.defined_at("checkout")
    try:
        got = await asyncio.wait_for(checkout(_order(k, "C")), timeout=0.1)
    except asyncio.TimeoutError:
        pass
    else:
        k.fail("wrong-result",
               f"{name} returned {got!r} at {_ms(k.now())}, though its caller gave up (timed out) after "
               "100 ms: it caught the CancelledError. checkout must still end cancelled; only the payment "
               "itself should be protected", where)
    _expect_stopped_at_once(k, name, started + 0.1, where)
    waiting = asyncio.ensure_future(drain())
    done, _ = await asyncio.wait({waiting}, timeout=GRACE)
    if not done:
        k.fail("timeout", f"drain() was still waiting {GRACE:g} s after the last payment should have "
               "finished", k.defined_at("drain"))
    waiting.result()
    if provider.state.get("C") in ("authorizing", "on hold", "capturing"):
        k.fail("unretrieved",
               f"drain() returned at {_ms(k.now())}, but the payment of order C was still running: drain() "
               "could not see it. At shutdown the program exits right after drain(), and asyncio.run then "
               "cancels every task left, cutting the payment off halfway. The program must keep hold of "
               "the payment task (in in_flight) even after its caller has gone", _commit_site(k))
    _expect_committed(k, provider, "C", started, "its checkout timed out")
    if abs(k.now() - (started + COMMIT)) > EPS:
        k.fail("wrong-result", f"drain() returned at {_ms(k.now())}; the last payment was captured at "
               f"{_ms(started + COMMIT)}, so it should return then", k.defined_at("drain"))
    _expect_nothing_pending(k, "after drain() returned")
