"""Hidden tests for lost-task: save_order and send_confirmation are replaced by fakes with their own
latency, and the mail service can be told to refuse an order's confirmation."""
import asyncio
import builtins
import inspect

from katacheck import Check, case

SAVE = 0.01  # a database write
MAIL = 0.03  # a confirmation the mail service accepts
REJECT = 0.005  # the mail service refuses an address quickly
GRACE = 0.1  # after close(): time for abandoned tasks to show what they lost
ORDERS = ["ORD-1", "ORD-2", "ORD-3"]
EPSILON = 1e-9


class MailerError(Exception):
    """What the fake mail service raises when it refuses a confirmation."""


def _count(orders):
    return f"{len(orders)} confirmation{'s were' if len(orders) != 1 else ' was'}"


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


class FakeBackend:
    """Stands in for the database and the mail service, and remembers what happened when."""

    def __init__(self, k: Check, reject):
        self.k = k
        self.reject = set(reject)
        self.saved = []
        self.started = []  # confirmations handed to the mail service, in start order
        self.sending = []  # confirmations in flight right now
        self.sent = []
        self.failed = {}  # order id -> (virtual time, error)

    async def save_order(self, order_id):
        await asyncio.sleep(SAVE)
        self.saved.append(order_id)

    async def send_confirmation(self, order_id):
        self.started.append(order_id)
        self.sending.append(order_id)
        try:
            if order_id in self.reject:
                await asyncio.sleep(REJECT)
                error = MailerError(f"mail service refused the confirmation for {order_id}")
                self.failed[order_id] = (self.k.now(), error)
                raise error
            await asyncio.sleep(MAIL)
            self.sent.append(order_id)
        finally:
            self.sending.remove(order_id)


def _install(k: Check, reject=()):
    for name in ("save_order", "send_confirmation"):
        k.function(name)  # both must still be there (and async) for the desk to call
    backend = FakeBackend(k, reject)

    async def save_order(order_id):
        await backend.save_order(order_id)

    async def send_confirmation(order_id):
        await backend.send_confirmation(order_id)

    k.patch(k.learner, "save_order", save_order)
    k.patch(k.learner, "send_confirmation", send_confirmation)
    k.trace(k.learner, "save_order", label=lambda order_id: f"save_order({order_id})")
    k.trace(k.learner, "send_confirmation", label=lambda order_id: f"send_confirmation({order_id})")
    return backend


def _desk(k: Check):
    desk_class = getattr(k.learner, "OrderDesk", None)
    if not isinstance(desk_class, type):
        k.fail("wrong-result", "your file no longer defines the OrderDesk class; the tests create desks with it")
    desk = desk_class()
    for name in ("place_order", "close"):
        if not inspect.iscoroutinefunction(getattr(desk, name, None)):
            k.fail("wrong-result",
                   f"OrderDesk.{name}() must stay an `async def` method: the application awaits it")
    return desk


def _where(k: Check):
    """The learner's line that starts the confirmation: where a lost task is born."""
    sites = k.call_sites("send_confirmation")
    return sites[0] if sites else None


def _at(where):
    return f" at {where.text()}" if where else ""


def _expect_sent(k: Check, backend, orders, what, took):
    where = _where(k)
    never = [o for o in orders if o not in backend.started]
    if never:
        k.fail("wrong-result",
               f"the confirmation for {', '.join(never)} was never sent: place_order must start "
               "send_confirmation(order_id) for every order it saves", where)
    pending = [o for o in orders if o not in backend.sent]
    if pending:
        k.fail("wrong-result",
               f"{what} returned after {_ms(took)} while {_count(pending)} still being sent "
               f"({', '.join(pending)}). The program exits right after close(), and asyncio.run() "
               "cancels every task still pending, so those emails would never arrive. close() must not "
               f"return before the tasks started{_at(where)} have finished: keep each one where close() "
               "can find it, and wait for them there", where)


def _mailer_errors(error):
    """The MailerErrors that `error` carries (itself, or the leaves of an exception group), or None."""
    if isinstance(error, MailerError):
        return [error]
    group = getattr(builtins, "BaseExceptionGroup", None)
    if group is not None and isinstance(error, group):
        leaves = []
        for inner in error.exceptions:
            found = _mailer_errors(inner)
            if found is None:
                return None
            leaves.extend(found)
        return leaves
    return None


async def _serve_forever():
    """The rest of the application: still running when the desk closes, not the desk's business."""
    await asyncio.Event().wait()


@case("place_order answers as soon as the order is saved")
async def answers_fast(k: Check):
    backend = _install(k)
    desk = _desk(k)
    started = k.now()
    got = await desk.place_order("ORD-1")
    took = k.now() - started
    where = _where(k)
    k.expect_value(got, "ORD-1", "place_order('ORD-1')", where)
    k.expect("ORD-1" in backend.saved, "wrong-result",
             "place_order('ORD-1') answered before the order was saved: await save_order first", where)
    k.expect(took <= SAVE + EPSILON, "too-slow",
             f"place_order('ORD-1') took {_ms(took)}: it waited for the confirmation email "
             f"({_ms(MAIL)}) instead of answering once the order was saved ({_ms(SAVE)}). The customer "
             "must not wait for the email: let it go on in a task after place_order returns", where)
    await asyncio.sleep(0)  # one turn of the loop: a task created just now takes its first step
    k.expect("ORD-1" in backend.started, "wrong-result",
             "place_order('ORD-1') never started the confirmation email: call "
             "send_confirmation(order_id) for the order", where)


@case("close() waits for every confirmation still being sent", timeline=True)
async def close_waits(k: Check):
    backend = _install(k)
    desk = _desk(k)
    server = asyncio.create_task(_serve_forever(), name="web-server")
    for order in ORDERS:
        await desk.place_order(order)
    started = k.now()
    await desk.close()
    took = k.now() - started
    _expect_sent(k, backend, ORDERS, "close()", took)
    last_done = MAIL  # close() starts right after the last save, when the last email has just begun
    k.expect(took <= last_done + EPSILON, "too-slow",
             f"close() took {_ms(took)}, but the last confirmation was out after {_ms(last_done)}: wait "
             "for the tasks themselves, not for a delay you guessed", _where(k))
    server.cancel()


@case("a failed confirmation makes close() raise, once the others are out")
async def close_raises(k: Check):
    backend = _install(k, reject={"ORD-2"})
    desk = _desk(k)
    for order in ORDERS:
        await desk.place_order(order)
    started = k.now()
    error = None
    try:
        await desk.close()
    except Exception as exc:  # judged below; anything else is reported with the learner's line
        error = exc
    took = k.now() - started
    sent_at_close = list(backend.sent)
    await asyncio.sleep(GRACE)  # the program would exit here: abandoned tasks now show what they lost
    errors = _mailer_errors(error)
    if error is not None and errors is None:
        raise error
    where = _where(k)
    failed_at, failure = backend.failed["ORD-2"]
    if error is None:
        k.fail("wrong-result",
               f"close() returned normally, but the confirmation for ORD-2 failed at {_ms(failed_at)} "
               f"({type(failure).__name__}: {failure}). That error was lost: close() must raise it once "
               "every confirmation has finished, including one that failed before close() was called",
               where)
    others = [o for o in ORDERS if o != "ORD-2"]
    pending = [o for o in others if o not in sent_at_close]
    if pending:
        k.fail("wrong-result",
               f"close() raised {type(error).__name__} after {_ms(took)} while {', '.join(pending)} "
               "were still being sent: the program exits on that error and asyncio.run() cancels them, so "
               "those customers get no email. Let every confirmation finish, then raise the failure",
               where)
    k.expect(any(e is failure for e in errors), "wrong-result",
             f"close() raised {error!r}, not the MailerError that the confirmation for ORD-2 failed with: "
             "raise the task's own exception", where)


@case("close() with nothing left to send returns at once")
async def close_idle(k: Check):
    backend = _install(k)
    started = k.now()
    await _desk(k).close()
    took = k.now() - started
    k.expect(took <= EPSILON, "too-slow",
             f"close() on a desk that took no orders took {_ms(took)}: with nothing to wait for it should "
             "return at once")
    desk = _desk(k)
    await desk.place_order("ORD-9")
    await asyncio.sleep(MAIL + SAVE)  # the confirmation is long out
    k.expect("ORD-9" in backend.sent, "wrong-result",
             f"the confirmation for ORD-9 was still not sent {_ms(MAIL + SAVE)} after place_order returned: the task "
             "that sends it must keep running on its own", _where(k))
    started = k.now()
    await desk.close()
    took = k.now() - started
    k.expect(took <= EPSILON, "too-slow",
             f"close() took {_ms(took)} although every confirmation was already out: it should return "
             "at once", _where(k))
