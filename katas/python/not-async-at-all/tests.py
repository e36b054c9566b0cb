"""Hidden tests for not-async-at-all: invoice_total is called the way its two callers call it, as a
plain function: from synchronous code with no event loop (the billing CLI, run here in a worker thread)
and inline from a coroutine (the checkout handler). Neither awaits, and neither expects a loop to start."""
import asyncio
import inspect

from katacheck import Check, case

INVOICE = "KB-01, 2, 1250\nMS-07, 1, 3999\nUSB-C, 3, 899\n"  # 2500 + 3999 + 2697
TOTAL = 9196
MESSY = "\n  \nKB-01, 1, 1250\n\n   MS-07 ,2,3999  \n\n"  # blank and padded rows
MESSY_TOTAL = 1250 + 2 * 3999


class LoopCounter:
    """Counts every event loop created while it is installed (asyncio.run makes one per call)."""

    def __init__(self, k: Check):
        self.count = 0
        real = asyncio.events.new_event_loop

        def new_event_loop():
            self.count += 1
            return real()

        k.patch(asyncio.events, "new_event_loop", new_event_loop)
        k.patch(asyncio, "new_event_loop", new_event_loop)


def _plain_call(k: Check, fn, text, caller):
    """What a caller that does not await gets back; a coroutine is closed unrun, and reported."""
    got = fn(text)
    if inspect.isawaitable(got):
        if inspect.iscoroutine(got):
            got.close()  # this caller can't run it; the message below says why
        return got, (
            f"invoice_total(...) handed {caller} {_kind(got)} instead of a number: {caller} does not "
            "await it, so its body never runs and there is no total. An async def makes every caller "
            "await it or start an event loop. Does invoice_total ever wait for anything?")
    return got, None


def _kind(value):
    if inspect.iscoroutine(value):
        return "a coroutine object"
    return f"an awaitable {type(value).__name__}"


def _expect_total(k: Check, got, want, problem, loops, call):
    where = k.defined_at("invoice_total")
    if problem:
        k.fail("wrong-result", problem, where)
    k.expect_value(got, want, call, where)
    k.expect(loops.count == 0, "wrong-result",
             f"{call} started {loops.count} event loop{'s' if loops.count > 1 else ''} of its own "
             "(asyncio.run or new_event_loop) just to parse text and add numbers: a loop with its "
             "selector and tasks costs far more than the sum, and asyncio.run cannot even start on a thread "
             "where a loop already runs. Nothing in invoice_total waits, so it needs no event loop", where)


async def _total_for(k: Check, text, caller, *, inline):
    """invoice_total(text) called the way `caller` calls it: inline on the loop's thread, or from plain
    synchronous code in a thread where no event loop runs."""
    invoice_total = k.function("invoice_total", coroutine=False)
    try:
        if inline:
            return _plain_call(k, invoice_total, text, caller)
        return await asyncio.to_thread(_plain_call, k, invoice_total, text, caller)
    except RuntimeError as exc:
        if "event loop" not in str(exc):
            raise
        situation = ("the handler's event loop is already running on this thread, and another loop can be "
                     "neither started nor re-entered from inside it" if inline
                     else "plain synchronous code has no event loop running")
        reason = str(exc).split(" in thread ")[0].rstrip(".")
        k.fail("exception",
               f"invoice_total(...) raised RuntimeError ({reason}) when {caller} called it: it reaches "
               f"for an event loop, but {situation}. Adding up an invoice needs no event loop at all",
               k.defined_at("invoice_total"))


@case("the billing CLI, plain synchronous code, gets the total")
async def from_sync_code(k: Check):
    loops = LoopCounter(k)
    got, problem = await _total_for(k, INVOICE, "the billing CLI", inline=False)
    _expect_total(k, got, TOTAL, problem, loops, "invoice_total(three rows) called from the billing CLI")


@case("the checkout handler calls it inline, inside a running event loop")
async def from_a_coroutine(k: Check):
    loops = LoopCounter(k)
    started = k.now()
    got, problem = await _total_for(k, INVOICE, "the checkout handler", inline=True)
    _expect_total(k, got, TOTAL, problem, loops, "invoice_total(three rows) called inline by the checkout handler")
    k.expect_elapsed(started, at_most=0, what="totalling an invoice", where=k.defined_at("invoice_total"))


@case("blank and padded rows, and an empty invoice")
async def edge_rows(k: Check):
    loops = LoopCounter(k)
    for text, want, what in ((MESSY, MESSY_TOTAL, "rows with blank lines and padding"), ("", 0, "an empty invoice")):
        got, problem = await _total_for(k, text, "the billing CLI", inline=False)
        _expect_total(k, got, want, problem, loops, f"invoice_total({what})")
