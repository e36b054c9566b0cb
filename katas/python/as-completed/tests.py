"""Hidden tests for as-completed: quote_fare is replaced by fake airlines with their own latency and
price, and `send` by a fake browser connection that records when each fare reaches it."""
import asyncio
import functools
import inspect

from katacheck import Check, case

ROUTE = "OSL-LIS"
# airline -> (latency in seconds, price in cents); no two airlines answer at the same moment
AIRLINES = {"skyhop": (0.30, 18900), "aerolux": (0.02, 24900), "budgetair": (0.12, 9900),
            "nordwind": (0.05, 15900), "fjordjet": (0.08, 21900)}


class FakeAirlines:
    def __init__(self, k: Check):
        self.fare = getattr(k.learner, "Fare", None)
        if self.fare is None:
            k.fail("wrong-result", "your file no longer defines the Fare class; the tests build fares with it")
        self.calls = []

    def quote(self, airline):
        return self.fare(airline, ROUTE, AIRLINES[airline][1])

    async def quote_fare(self, airline, route):
        self.calls.append(airline)
        await asyncio.sleep(AIRLINES[airline][0])
        return self.fare(airline, route, AIRLINES[airline][1])


class FakeBrowser:
    """The browser end of the stream: remembers what arrived and when."""

    def __init__(self, k: Check):
        self.k = k
        self.received = []  # (virtual time, value)

    async def send(self, fare):
        self.received.append((self.k.now(), fare))


def _install(k: Check):
    airlines = FakeAirlines(k)

    @functools.wraps(airlines.quote_fare)
    async def quote_fare(airline, route):
        return await airlines.quote_fare(airline, route)

    quote_fare.__qualname__ = quote_fare.__name__ = "quote_fare"
    k.patch(k.learner, "quote_fare", quote_fare)
    k.trace(k.learner, "quote_fare", label=lambda airline, route: f"quote_fare({airline})")
    browser = FakeBrowser(k)
    k.trace(browser, "send", label=lambda fare: f"send({getattr(fare, 'airline', '?')})")
    return airlines, browser


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


async def _search(k: Check, names):
    airlines, browser = _install(k)
    search_fares = k.function("search_fares")
    what = f"search_fares({ROUTE!r}, {names})"
    started = k.now()
    got = await search_fares(ROUTE, list(names), browser.send)
    home = k.defined_at("search_fares")
    sites = k.call_sites("send")
    where = sites[0] if sites else home

    for _, value in browser.received:
        if inspect.isawaitable(value):
            if inspect.iscoroutine(value):
                thing = f"a coroutine object ({getattr(value, '__qualname__', '?')})"
            else:
                thing = f"an awaitable {type(value).__name__}"
            k.fail("wrong-result",
                   f"send() was given {thing} instead of a Fare: await it first, and send the Fare it "
                   "gives back", where)
    if sorted(airlines.calls) != sorted(names):
        k.fail("wrong-result",
               f"quote_fare was called for {airlines.calls}; ask each airline in {names} exactly once", home)
    want = sorted((airlines.quote(name) for name in names), key=lambda fare: fare.airline)
    sent = [fare for _, fare in browser.received]
    if sorted(sent, key=lambda fare: getattr(fare, "airline", "")) != want:
        k.fail("wrong-result",
               f"the browser received {sent}; it should get each airline's Fare exactly once", where)

    for at, fare in sorted(browser.received, key=lambda item: AIRLINES[item[1].airline][0]):
        ready = AIRLINES[fare.airline][0]
        if at > ready + 1e-9:
            k.fail("too-slow",
                   f"{fare.airline}'s fare was ready after {_ms(ready)} but reached the browser only at "
                   f"{_ms(at)}: it waited for slower airlines. Send each fare the moment its airline answers, "
                   "whichever answers first", where)

    got = list(got) if isinstance(got, (list, tuple)) else got
    if isinstance(got, list) and got != sent and sorted(map(repr, got)) == sorted(map(repr, sent)):
        k.fail("wrong-result",
               f"{what} returned the right fares, but not in the order it sent them: return them in the "
               f"order they reached the browser, {[fare.airline for fare in sent]}", home)
    k.expect_value(got, sent, what, home)
    slowest = max((AIRLINES[name][0] for name in names), default=0)
    k.expect_elapsed(started, at_least=slowest, at_most=slowest, what=what, where=home)


@case("each fare reaches the browser the moment its airline answers", timeline=True)
async def slowest_first(k: Check):
    await _search(k, ["skyhop", "aerolux", "budgetair", "nordwind"])


@case("a slow airline in the middle holds nothing back")
async def slow_in_the_middle(k: Check):
    await _search(k, ["nordwind", "fjordjet", "skyhop", "aerolux", "budgetair"])


@case("no airlines: nothing sent, nothing returned")
async def no_airlines(k: Check):
    await _search(k, [])
