"""Hidden tests for coroutine-not-running: run_hooks gets the tests' own hooks, of every kind, and each
hook writes what it did to a shared log."""
import asyncio
import inspect
import time

from katacheck import Check, case


class PaymentDeclined(Exception):
    pass


class Plugins:
    """Hooks as plugins write them: plain functions, async defs, and plain callables that return an
    awaitable (a lambda over a coroutine function, an object with an async __call__, an executor Future)."""

    def __init__(self):
        self.log = []
        log = self.log

        def audit(signup):
            log.append("audit")
            return f"audited {signup.user}"

        async def reserve_seat(signup):
            log.append("reserve_seat started")
            await asyncio.sleep(0.02)  # the seating service
            log.append("reserve_seat done")
            return f"seat for {signup.user}"

        async def send_welcome(signup):
            log.append("send_welcome started")
            await asyncio.sleep(0.01)  # the mail API
            log.append("send_welcome done")
            return f"welcomed {signup.email}"

        async def notify_sales(signup, channel):
            log.append("notify_sales started")
            await asyncio.sleep(0.01)  # the chat API
            log.append("notify_sales done")
            return f"posted {signup.user} to {channel}"

        async def charge_card(signup):
            log.append("charge_card started")
            await asyncio.sleep(0.005)  # the payment provider
            raise PaymentDeclined(f"card of {signup.user} declined")

        def write_archive(signup):  # runs in a worker thread
            time.sleep(0.005)  # a slow disk
            log.append("archive written")
            return f"archived {signup.user}"

        def archive(signup):  # a plain def that hands its blocking work to a thread
            return asyncio.get_running_loop().run_in_executor(None, write_archive, signup)

        class CrmWebhook:
            async def __call__(self, signup):
                log.append("crm started")
                await asyncio.sleep(0.01)  # the CRM's webhook endpoint
                log.append("crm done")
                return f"crm has {signup.email}"

        for fn in (audit, reserve_seat, send_welcome, notify_sales, charge_card, archive):
            fn.__qualname__ = fn.__name__  # messages name the hook, not this factory
        CrmWebhook.__qualname__ = "CrmWebhook"
        CrmWebhook.__call__.__qualname__ = "CrmWebhook.__call__"
        self.audit, self.reserve_seat, self.send_welcome = audit, reserve_seat, send_welcome
        self.charge_card, self.archive, self.crm = charge_card, archive, CrmWebhook()
        self.notify = lambda signup: notify_sales(signup, "#signups")


def _signup(k: Check):
    signup = getattr(k.learner, "Signup", None)
    if signup is None:
        k.fail("wrong-result", "your file no longer defines the Signup class; the tests build signups with it")
    return signup("ada", "ada@example.com")


def _name(value):
    return getattr(value, "__qualname__", None) or type(value).__name__


def _show(value):
    """A result as the message shows it: no memory addresses, so two runs read the same."""
    if isinstance(value, list):
        return "[" + ", ".join(map(_show, value)) + "]"
    if inspect.iscoroutine(value):
        state = "never run" if inspect.getcoroutinestate(value) == inspect.CORO_CREATED else "already run"
        return f"<coroutine {_name(value)}, {state}>"
    if isinstance(value, asyncio.Future):
        return f"<{type(value).__name__}>"
    return repr(value)


def _expect_results(k: Check, got, want, call):
    where = k.defined_at("run_hooks")
    if isinstance(got, list) and len(got) == len(want):
        for index, (item, expected) in enumerate(zip(got, want)):
            if inspect.iscoroutine(item) and inspect.getcoroutinestate(item) == inspect.CORO_CLOSED:
                k.fail("wrong-result",
                       f"{call} returned, at position {index}, the coroutine object of {_name(item)}() after "
                       f"it had finished, expected {expected!r}: the hook ran, but the value the await "
                       "gave back was dropped and the spent coroutine kept instead", where)
            if isinstance(item, asyncio.Future) and item.done() and not item.cancelled():
                k.fail("wrong-result",
                       f"{call} returned, at position {index}, a finished {type(item).__name__} instead of "
                       f"its result {expected!r}: keep the value that awaiting it gives back", where)
    k.expect_value(got, want, call, where)


def _expect_log(k: Check, plugins, want, what):
    if plugins.log != want:
        k.fail("wrong-result",
               f"{what}: the hooks logged {plugins.log}, expected {want}. Call each hook only after the "
               "previous one has completely finished, and make sure every hook really runs",
               k.defined_at("run_hooks"))


@case("plain and async hooks all run, one after another, and their values come back")
async def mixed_hooks(k: Check):
    run_hooks = k.function("run_hooks")
    plugins = Plugins()
    started = k.now()
    got = await run_hooks([plugins.reserve_seat, plugins.audit, plugins.send_welcome], _signup(k))
    _expect_results(k, got, ["seat for ada", "audited ada", "welcomed ada@example.com"],
                    "run_hooks([reserve_seat, audit, send_welcome], ada)")
    _expect_log(k, plugins, ["reserve_seat started", "reserve_seat done", "audit",
                             "send_welcome started", "send_welcome done"], "run_hooks ran the hooks out of order")
    k.expect_elapsed(started, at_least=0.03, at_most=0.03, what="running the three hooks one after another",
                     where=k.defined_at("run_hooks"))


@case("a plain callable that returns an awaitable is awaited too")
async def awaitable_from_plain_callables(k: Check):
    run_hooks = k.function("run_hooks")
    plugins = Plugins()
    got = await run_hooks([plugins.notify, plugins.crm, plugins.archive], _signup(k))
    _expect_results(k, got, ["posted ada to #signups", "crm has ada@example.com", "archived ada"],
                    "run_hooks([lambda: notify_sales(...), CrmWebhook(), archive], ada)")
    _expect_log(k, plugins, ["notify_sales started", "notify_sales done", "crm started", "crm done",
                             "archive written"], "run_hooks ran the hooks out of order")


@case("an async hook's error reaches the caller and stops the later hooks")
async def failing_hook(k: Check):
    run_hooks = k.function("run_hooks")
    plugins = Plugins()
    where = k.defined_at("run_hooks")
    try:
        got = await run_hooks([plugins.audit, plugins.charge_card, plugins.send_welcome], _signup(k))
    except PaymentDeclined:
        pass
    else:
        k.fail("wrong-result",
               f"run_hooks([audit, charge_card, send_welcome], ada) returned {_show(got)} "
               "although the charge_card hook raises PaymentDeclined: an async hook's exception is only "
               "raised where its coroutine actually runs, so it must run inside run_hooks", where)
    _expect_log(k, plugins, ["audit", "charge_card started"], "charge_card raises, so no hook after it may run")
