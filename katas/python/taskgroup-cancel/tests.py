"""Hidden tests for taskgroup-cancel: the three price services are replaced by fakes that can be sold out
or broken, and that record whether they were cancelled."""
import asyncio

from katacheck import Check, case

PARTS = ("flight", "hotel", "car")
PRICES = {"flight": 311, "hotel": 427, "car": 64}
EPSILON = 1e-9


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


class _Line:
    """A learner's line for a diagnostic (the API's Where has no constructor for a traceback line)."""

    def __init__(self, file, line, function):
        self.file, self.line, self.function = file, line, function

    def text(self):
        return f"{self.file}:{self.line}"


class FakeProviders:
    """One fake service per part: `plan` maps a part to (latency, price or exception to raise)."""

    def __init__(self, k: Check, plan):
        self.k = k
        self.sold_out = getattr(k.learner, "SoldOut", None)
        self.quote = getattr(k.learner, "Quote", None)
        for name, value in (("SoldOut", self.sold_out), ("Quote", self.quote)):
            if not isinstance(value, type):
                k.fail("wrong-result", f"your file no longer defines the {name} class; the tests use it")
        self.plan = dict(plan(self) if callable(plan) else plan)
        self.in_flight = []
        self.cancelled = []
        self.finished = []
        self.raised = {}  # part -> the exception it raised

    async def price(self, part):
        latency, outcome = self.plan[part]
        self.in_flight.append(part)
        try:
            await asyncio.sleep(latency)
        except asyncio.CancelledError:
            self.cancelled.append(part)
            raise
        finally:
            self.in_flight.remove(part)
        if isinstance(outcome, BaseException):
            self.raised[part] = outcome
            raise outcome
        self.finished.append(part)
        return outcome

    def want(self):
        return self.quote(*(self.plan[part][1] for part in PARTS))


def _install(k: Check, plan):
    for part in PARTS:
        k.function(f"price_{part}")
    providers = FakeProviders(k, plan)

    def fake(part):
        async def price(trip):
            return await providers.price(part)

        price.__name__ = price.__qualname__ = f"price_{part}"
        return price

    for part in PARTS:
        k.patch(k.learner, f"price_{part}", fake(part))
        k.trace(k.learner, f"price_{part}", label=lambda trip, part=part: f"price_{part}({trip})")
    return providers


def _where(k: Check, parts=PARTS):
    for part in parts:
        sites = k.call_sites(f"price_{part}")
        if sites:
            return sites[0]
    return k.defined_at("quote_trip")


def _learner_line(k: Check, error):
    """The learner's innermost line in the traceback of `error` (where it escaped from), or None."""
    path = getattr(k.learner, "__file__", None)
    home = k.defined_at("quote_trip")
    found = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            found = tb
        tb = tb.tb_next
    if found is None or home is None:
        return home
    return _Line(home.file, found.tb_lineno, found.tb_frame.f_code.co_name)


def _leaves(error):
    """The exceptions inside `error`: itself, or the leaves of an exception group."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def _requests(parts):
    """'the flight request', 'the flight and car requests'."""
    parts = list(parts)
    names = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"the {names} request" + ("s" if len(parts) > 1 else "")


async def _quote(k: Check, providers):
    """Await quote_trip; returns (result, error, virtual time taken, parts still running at the end)."""
    quote_trip = k.function("quote_trip")
    started = k.now()
    got, error = None, None
    try:
        got = await quote_trip("LIS-2025-06")
    except Exception as exc:  # judged by the caller
        error = exc
    return got, error, k.now() - started, list(providers.in_flight)


def _expect_siblings_stopped(k: Check, providers, culprit, took, still_running, outcome):
    others = [p for p in PARTS if p != culprit and p not in providers.raised]
    if still_running:
        k.fail("wrong-result",
               f"quote_trip {outcome} while {_requests(still_running)} {'were' if len(still_running) > 1 else 'was'} still running: "
               f"once the {culprit} failed they are useless, and nothing will ever read their answer. The "
               "failure must stop the other requests, and quote_trip must wait until they have stopped",
               _where(k, still_running))
    waited = [p for p in others if p in providers.finished]
    if waited:
        failed_at = providers.plan[culprit][0]
        k.fail("too-slow",
               f"quote_trip took {_ms(took)} although the {culprit} failed after {_ms(failed_at)}: it let "
               f"{_requests(waited)} run to the end. When one part fails, cancel the others",
               _where(k, waited))
    spared = [p for p in others if p not in providers.cancelled]
    if spared:
        k.fail("wrong-result", f"{_requests(spared)} never got cancelled when the {culprit} failed", _where(k))


@case("every provider answers: one quote, as fast as the slowest")
async def all_answer(k: Check):
    providers = _install(k, {"flight": (0.02, PRICES["flight"]), "hotel": (0.03, PRICES["hotel"]),
                             "car": (0.01, PRICES["car"])})
    got, error, took, _ = await _quote(k, providers)
    if error is not None:
        raise error
    k.expect_value(got, providers.want(), "quote_trip('LIS-2025-06')", k.defined_at("quote_trip"))
    k.expect(took <= 0.03 + EPSILON, "too-slow",
             f"quote_trip took {_ms(took)}; with the three requests running at once it takes 30 ms, the "
             "slowest one's time", _where(k))


@case("hotel sold out: no quote, and the other requests are cancelled", timeline=True)
async def hotel_sold_out(k: Check):
    providers = _install(k, lambda p: {"flight": (0.02, PRICES["flight"]),
                                       "hotel": (0.005, p.sold_out("no rooms left for these dates")),
                                       "car": (0.01, PRICES["car"])})
    got, error, took, still_running = await _quote(k, providers)
    if error is not None:
        leaves = _leaves(error)
        if isinstance(error, BaseExceptionGroup) and any(isinstance(e, providers.sold_out) for e in leaves):
            where = _learner_line(k, error)
            at = f" at {where.text()}" if where else ""
            k.fail("exception",
                   f"quote_trip let {type(error).__name__}({str(error)!r}, {list(error.exceptions)!r}) "
                   f"escape from the TaskGroup{at} instead of returning None. Look at what a TaskGroup "
                   "raises when a task fails, and at what your handler matches", where)
        raise error
    k.expect_value(got, None, "quote_trip('LIS-2025-06') with the hotel sold out", k.defined_at("quote_trip"))
    _expect_siblings_stopped(k, providers, "hotel", took, still_running, "returned None")


def _expect_raised(k: Check, providers, got, error, culprit):
    bug = providers.raised.get(culprit)
    if error is None:
        k.fail("wrong-result",
               f"quote_trip returned {got!r} although the {culprit} service failed with "
               f"{type(bug).__name__}: {bug}. Only SoldOut means \"no quote\"; any other error must "
               "propagate to the caller", k.defined_at("quote_trip"))
    if not any(e is bug for e in _leaves(error)):
        raise error


@case("a provider that breaks: its error propagates and the others are cancelled")
async def provider_breaks(k: Check):
    providers = _install(k, {"flight": (0.005, ConnectionError("airline API unreachable")),
                             "hotel": (0.03, PRICES["hotel"]), "car": (0.01, PRICES["car"])})
    got, error, took, still_running = await _quote(k, providers)
    _expect_raised(k, providers, got, error, "flight")
    _expect_siblings_stopped(k, providers, "flight", took, still_running, f"raised {type(error).__name__}")


@case("sold out and broken at the same moment: the error still propagates")
async def sold_out_and_broken(k: Check):
    providers = _install(k, lambda p: {"flight": (0.02, PRICES["flight"]),
                                       "hotel": (0.01, p.sold_out("no rooms left for these dates")),
                                       "car": (0.01, ConnectionError("car rental API unreachable"))})
    got, error, took, still_running = await _quote(k, providers)
    if error is None and "car" in providers.raised:
        bug = providers.raised["car"]
        k.fail("wrong-result",
               f"quote_trip returned {got!r}: the hotel was sold out, but at the same moment the car "
               f"service failed with {type(bug).__name__}: {bug}, and that error was swallowed. A SoldOut "
               "must not hide another failure: handle only the SoldOut part and let the rest propagate", k.defined_at("quote_trip"))
    _expect_raised(k, providers, got, error, "car")
    _expect_siblings_stopped(k, providers, "car", took, still_running, f"raised {type(error).__name__}")
