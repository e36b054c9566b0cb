"""Hidden tests for retry-backoff: fetch_stock is replaced by a scripted warehouse API whose every answer
takes a 20 ms round trip and which records when each attempt started and ended (virtual time)."""
import asyncio

from katacheck import Check, case

ROUND_TRIP = 0.02
BACKOFF = [0.1, 0.2, 0.4]  # the waits after the 1st, 2nd and 3rd failed attempt
ATTEMPTS = 4
EPS = 1e-9


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


class Warehouse:
    """Answers from a script per SKU: "busy" raises WarehouseBusy (a 503), "unknown" raises LookupError,
    a number is the stock level. The last entry repeats."""

    def __init__(self, k: Check, script):
        self.k = k
        self.busy = getattr(k.learner, "WarehouseBusy", None)
        if self.busy is None:
            k.fail("wrong-result", "your file no longer defines WarehouseBusy; the tests raise it for a 503")
        self.script = {sku: list(answers) for sku, answers in script.items()}
        self.calls = {sku: [] for sku in script}  # sku -> [(start, answered), ...]
        self.errors = {sku: [] for sku in script}

    async def answer(self, sku):
        started = self.k.now()
        self.calls[sku].append((started, started + ROUND_TRIP))  # when it began and when the answer came
        await asyncio.sleep(ROUND_TRIP)
        answers = self.script[sku]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, int):
            return answer
        attempt = len(self.calls[sku])
        if answer == "busy":
            error = self.busy(f"503 Service Unavailable for {sku} (attempt {attempt})")
        else:
            error = LookupError(f"404: the warehouse has no SKU {sku!r}")
        self.errors[sku].append(error)
        raise error


def _install(k: Check, script, *, trace=False):
    warehouse = Warehouse(k, script)

    async def fetch_stock(sku):
        return await warehouse.answer(sku)

    k.patch(k.learner, "fetch_stock", fetch_stock)
    if trace:
        k.trace(k.learner, "fetch_stock", label=lambda sku: f"fetch_stock({sku})")
    return warehouse


def _times(n):
    return f"{n} time{'s' if n != 1 else ''}"


def _expect_took(k: Check, started, most, what, why, where):
    took = k.now() - started
    k.expect(took <= most + EPS, "too-slow", f"{what} took {_ms(took)}; {why}", where)


def _expect_schedule(k: Check, warehouse, sku, attempts, where):
    """`attempts` calls of fetch_stock, separated by exactly the backoff waits."""
    calls = warehouse.calls[sku]
    if len(calls) != attempts:
        k.fail("wrong-result",
               f"stock_level({sku!r}) called fetch_stock {_times(len(calls))}; "
               f"with this warehouse it must be {attempts}: retry each 503, stop at the first answer, and "
               f"give up after {ATTEMPTS} attempts in all", where)
    gaps = [calls[i + 1][0] - calls[i][1] for i in range(len(calls) - 1)]
    want = BACKOFF[: len(gaps)]
    if all(abs(g - w) <= EPS for g, w in zip(gaps, want)):
        return
    kind = "too-fast" if any(g < w - EPS for g, w in zip(gaps, want)) else "too-slow"
    k.fail(kind,
           f"stock_level({sku!r}) waited {', '.join(map(_ms, gaps))} between its attempts; expected "
           f"{', '.join(map(_ms, want))}: wait 100 ms after the first failure and double the wait after "
           "each further one", where)


@case("a busy warehouse: retried after 100 ms and 200 ms, then the stock comes back")
async def recovers(k: Check):
    stock_level = k.function("stock_level")
    warehouse = _install(k, {"MUG": ["busy", "busy", 12]})
    where = k.defined_at("stock_level")
    started = k.now()
    got = await stock_level("MUG")
    k.expect_value(got, 12, "stock_level('MUG')", where)
    _expect_schedule(k, warehouse, "MUG", 3, where)
    _expect_took(k, started, 3 * ROUND_TRIP + 0.3, "stock_level('MUG')",
                 "three 20 ms round trips and 100 + 200 ms of backoff make 360 ms: the first attempt goes out at once",
                 where)


@case("four 503s: give up at once and raise the last one")
async def gives_up(k: Check):
    stock_level = k.function("stock_level")
    warehouse = _install(k, {"MUG": ["busy"]})
    where = k.defined_at("stock_level")
    try:
        got = await stock_level("MUG")
    except Exception as exc:  # what it raised is judged below
        raised = exc
    else:
        k.expect_value(got, "an exception", "stock_level('MUG')", where)
        k.fail("wrong-result",
               f"stock_level('MUG') returned {got!r} although every attempt got a 503: after the last "
               "attempt, raise its WarehouseBusy so the caller knows there is no answer", where)
    gave_up = k.now()
    _expect_schedule(k, warehouse, "MUG", ATTEMPTS, where)
    errors = warehouse.errors["MUG"]
    if raised is not errors[-1]:
        if raised in errors:
            which = f"the error of attempt {errors.index(raised) + 1}"
        else:
            which = f"{type(raised).__name__}: {raised}"
        k.fail("wrong-result",
               f"stock_level('MUG') raised {which}; it must let the last attempt's WarehouseBusy reach the "
               "caller unchanged (a bare `raise` in the except block does that)", where)
    late = gave_up - warehouse.calls["MUG"][-1][1]
    k.expect(late <= EPS, "too-slow",
             f"stock_level('MUG') raised {_ms(late)} after its last attempt failed: after the last attempt "
             "there is nothing left to wait for, so give up at once", where)


@case("three lookups at once: one's backoff does not hold up the others", timeline=True)
async def side_by_side(k: Check):
    k.function("stock_level")  # still there and still async
    script = {"MUG": ["busy", "busy", 12], "TEE": [5], "CAP": ["busy", 0]}
    attempts = {"MUG": 3, "TEE": 1, "CAP": 2}
    warehouse = _install(k, script, trace=True)
    k.trace(k.learner, "stock_level", label=lambda sku: f"stock_level({sku})")
    where = k.defined_at("stock_level")
    finished = {}
    started = k.now()
    lookups = [asyncio.ensure_future(k.learner.stock_level(sku)) for sku in script]
    for sku, lookup in zip(script, lookups):
        lookup.add_done_callback(lambda _, sku=sku: finished.setdefault(sku, k.now()))
    got = await asyncio.gather(*lookups)
    k.expect_value(list(got), [12, 5, 0], "stock_level for MUG, TEE and CAP at once", where)
    for sku in sorted(script, key=finished.get):
        answered = warehouse.calls[sku][-1][1] if warehouse.calls[sku] else started
        late = finished[sku] - answered
        k.expect(late <= EPS, "too-slow",
                 f"stock_level({sku!r}) returned {_ms(late)} after the warehouse had answered its last "
                 "attempt: meanwhile another lookup's backoff held the event loop, so this one could not "
                 "even resume. Wait in a way that lets other tasks run", where)
    for sku in script:
        _expect_schedule(k, warehouse, sku, attempts[sku], where)
    _expect_took(k, started, 3 * ROUND_TRIP + 0.3, "the three lookups side by side",
                 "they should take 360 ms, no longer than MUG alone", where)


@case("a lookup cancelled mid-attempt stops retrying")
async def cancelled(k: Check):
    stock_level = k.function("stock_level")
    warehouse = _install(k, {"MUG": ["busy"]})
    where = k.defined_at("stock_level")
    task = asyncio.create_task(stock_level("MUG"))
    await asyncio.sleep(ROUND_TRIP + BACKOFF[0] + ROUND_TRIP / 2)  # halfway through attempt 2
    so_far = len(warehouse.calls["MUG"])
    if task.done() or so_far != 2:
        state = "had already ended" if task.done() else "was still running"
        if task.done() and not task.cancelled():
            task.exception()  # retrieved: judged here, not reported as lost
        k.fail("too-fast" if so_far > 2 or task.done() else "too-slow",
               f"130 ms after it started, stock_level('MUG') had made {so_far} attempt{'s' if so_far != 1 else ''} "
               f"and {state}; it should "
               "be in its second attempt by then (20 ms round trip, 100 ms wait, second attempt at 120 ms), "
               "so the test could not cancel it there. Check the backoff schedule", where)
    task.cancel()
    await asyncio.wait([task], timeout=1.0)
    attempts = len(warehouse.calls["MUG"])
    if not task.done():
        k.fail("wrong-result",
               f"stock_level('MUG') was cancelled during attempt 2 and is still retrying a second later "
               f"({attempts} attempts so far): it caught the CancelledError. Catch only WarehouseBusy, so that "
               "a cancellation goes straight through", where)
    if not task.cancelled():
        outcome = f"raised {type(task.exception()).__name__}" if task.exception() else f"returned {task.result()!r}"
        k.fail("wrong-result",
               f"stock_level('MUG') was cancelled during attempt 2, yet it went on to {attempts} attempts and "
               f"{outcome}: something caught the CancelledError (a bare `except:` or `except BaseException:`). "
               "Catch only WarehouseBusy, so that a cancellation goes straight through", where)
    k.expect(attempts == 2, "wrong-result",
             f"stock_level('MUG') called fetch_stock {_times(attempts)}; cancelled during the second attempt, "
             "it must make no more",
             where)


@case("an unknown SKU is not retried")
async def not_retried(k: Check):
    stock_level = k.function("stock_level")
    warehouse = _install(k, {"XYZ": ["unknown"]})
    where = k.defined_at("stock_level")
    started = k.now()
    try:
        got = await stock_level("XYZ")
    except LookupError as exc:
        raised = exc
    else:
        k.fail("wrong-result",
               f"stock_level('XYZ') returned {got!r}, but the warehouse answered 404 (LookupError): let that "
               "error reach the caller", where)
    attempts = len(warehouse.calls["XYZ"])
    k.expect(attempts == 1, "wrong-result",
             f"stock_level('XYZ') tried {attempts} times, but the warehouse said 404 (LookupError): an unknown "
             "SKU will not appear by waiting. Retry only WarehouseBusy, the 503", where)
    k.expect(raised is warehouse.errors["XYZ"][0], "wrong-result",
             f"stock_level('XYZ') raised a LookupError of its own; let the warehouse's error through", where)
    _expect_took(k, started, ROUND_TRIP, "stock_level('XYZ')",
                 "the 404 arrives after 20 ms and should reach the caller at once", where)
