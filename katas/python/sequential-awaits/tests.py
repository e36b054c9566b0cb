"""Hidden tests for sequential-awaits: fetch_quote is replaced by fakes with their own latency and price."""
import functools

from katacheck import Check, case

# symbol -> (latency in seconds, price in cents); deliberately not in latency order
MARKET = {"PY": (0.03, 4200), "RS": (0.01, 1337), "GO": (0.02, 999), "JS": (0.005, 7)}


class FakeExchange:
    """Stands in for the network: counts calls and how many are in flight at once."""

    def __init__(self, k: Check):
        self.quote = getattr(k.learner, "Quote", None)
        if self.quote is None:
            k.fail("wrong-result", "your file no longer defines the Quote class; the tests build quotes with it")
        self.calls = []
        self.in_flight = 0
        self.most_in_flight = 0

    async def fetch_quote(self, symbol):
        import asyncio

        latency, cents = MARKET[symbol]
        self.calls.append(symbol)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(latency)
        finally:
            self.in_flight -= 1
        return self.quote(symbol, cents)


def _install(k: Check):
    exchange = FakeExchange(k)

    @functools.wraps(exchange.fetch_quote)
    async def fetch_quote(symbol):
        return await exchange.fetch_quote(symbol)

    fetch_quote.__qualname__ = fetch_quote.__name__ = "fetch_quote"
    k.patch(k.learner, "fetch_quote", fetch_quote)
    k.trace(k.learner, "fetch_quote", label=lambda symbol: f"fetch_quote({symbol})")
    return exchange


async def _fetch(k: Check, exchange, symbols):
    fetch_quotes = k.function("fetch_quotes")
    started = k.now()
    got = await fetch_quotes(list(symbols))
    want = [exchange.quote(s, MARKET[s][1]) for s in symbols]
    where = k.defined_at("fetch_quotes")
    k.expect_value(got if not isinstance(got, tuple) else list(got), want, f"fetch_quotes({list(symbols)})", where)
    if sorted(exchange.calls) != sorted(symbols):
        k.fail("wrong-result",
               f"fetch_quote was called for {exchange.calls}; each symbol must be fetched exactly once", where)
    return started


@case("quotes come back in the order of the symbols")
async def in_symbol_order(k: Check):
    exchange = _install(k)
    await _fetch(k, exchange, ["PY", "RS", "GO"])


@case("every fetch is in flight at once", timeline=True)
async def all_in_flight(k: Check):
    exchange = _install(k)
    symbols = ["PY", "RS", "GO", "JS"]
    started = await _fetch(k, exchange, symbols)
    slowest = max(MARKET[s][0] for s in symbols)
    sites = k.call_sites("fetch_quote")
    where = sites[0] if sites else k.defined_at("fetch_quotes")
    at = f" at {where.text()}" if where else ""
    k.expect(exchange.most_in_flight == len(symbols), "too-slow",
             f"only {exchange.most_in_flight} of {len(symbols)} fetches were in flight at once: the fetch "
             f"started{at} is awaited before the next one starts; start them all, then await them together",
             where)
    k.expect_elapsed(started, at_most=slowest, what=f"fetching {len(symbols)} quotes", where=where)


@case("an empty list gives an empty list")
async def empty(k: Check):
    exchange = _install(k)
    started = await _fetch(k, exchange, [])
    k.expect_elapsed(started, at_most=0, what="fetching no quotes", where=k.defined_at("fetch_quotes"))
