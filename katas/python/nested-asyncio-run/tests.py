"""Hidden tests for nested-asyncio-run: invoice_view is awaited on the test's own (already running)
event loop, the way a web server awaits its handlers; fetch_rate is replaced by a fake rates service."""
import asyncio
import inspect

from katacheck import Check, case

LATENCY = 0.02  # one round trip to the rates service
RATES = {"EUR": 1.0, "USD": 0.8, "GBP": 1.25}  # not the starter's rates: no hardcoding


class FakeRates:
    """Stands in for the exchange-rate service; notes which event loop each request ran on."""

    def __init__(self):
        self.server_loop = asyncio.get_running_loop()
        self.calls = []
        self.foreign = []

    async def fetch_rate(self, currency):
        self.calls.append(currency)
        if asyncio.get_running_loop() is not self.server_loop:
            self.foreign.append(currency)
        await asyncio.sleep(LATENCY)
        return RATES[currency]


def _install(k: Check):
    rates = FakeRates()

    async def fetch_rate(currency):
        return await rates.fetch_rate(currency)

    fetch_rate.__qualname__ = fetch_rate.__name__ = "fetch_rate"  # the name the learner knows
    k.patch(k.learner, "fetch_rate", fetch_rate)
    k.trace(k.learner, "fetch_rate", label=lambda currency: f"fetch_rate({currency})")
    return rates


def _invoice(k: Check, number, cents, currency):
    invoice = getattr(k.learner, "Invoice", None)
    if invoice is None:
        k.fail("wrong-result", "your file no longer defines the Invoice class; the tests build invoices with it")
    return invoice(number, cents, currency)


def _rate_site(k: Check):
    sites = k.call_sites("fetch_rate")
    return sites[0] if sites else k.defined_at("invoice_view")


def _expect_pages(k: Check, rates, invoices, pages):
    """Root causes first (a second loop, an un-awaited coroutine, no rate lookup), then the numbers."""
    if rates.foreign:
        # Named in invoice order: calls from worker threads at one virtual moment come in whatever order
        # those threads were run in.
        first = next((i.currency for i in invoices if i.currency in rates.foreign), rates.foreign[0])
        k.fail("wrong-result",
               f"fetch_rate({first}) ran on a second event loop, not on the server's: a new loop "
               "(in this thread or another) is a separate world, and real clients such as HTTP sessions and "
               "database pools only work on the loop that created them; await the call on the running loop",
               _rate_site(k))
    view_at = k.defined_at("invoice_view")
    for invoice, got in zip(invoices, pages):
        value = got.get("eur_cents") if isinstance(got, dict) else None
        if inspect.iscoroutine(value):
            k.fail("wrong-result",
                   f"invoice_view({invoice.number}) put a coroutine object in 'eur_cents' instead of a number: "
                   "the coroutine was never awaited, so the conversion never ran", view_at)
    currencies = [invoice.currency for invoice in invoices]
    if sorted(rates.calls) != sorted(currencies):
        k.fail("wrong-result",
               f"fetch_rate was called for {sorted(rates.calls)}, expected once for each of {sorted(currencies)}: every "
               "page must ask the rates service for today's rate", _rate_site(k))
    for invoice, got in zip(invoices, pages):
        want = round(invoice.cents * RATES[invoice.currency])
        k.expect_value(got, {"number": invoice.number, "eur_cents": want}, f"invoice_view({invoice.number})",
                       view_at)


@case("an invoice page converts to euro on the server's running loop")
async def one_page(k: Check):
    rates = _install(k)
    view = k.function("invoice_view")
    invoice = _invoice(k, "INV-1", 2500, "USD")
    started = k.now()
    got = await view(invoice)
    _expect_pages(k, rates, [invoice], [got])
    k.expect_elapsed(started, at_least=LATENCY, at_most=LATENCY, what="one invoice page", where=_rate_site(k))


@case("three invoice pages at once share the loop", timeline=True)
async def three_pages(k: Check):
    rates = _install(k)
    view = k.function("invoice_view")
    invoices = [_invoice(k, "INV-2", 1600, "GBP"), _invoice(k, "INV-3", 1234, "EUR"),
                _invoice(k, "INV-4", 2000, "USD")]
    started = k.now()
    pages = await asyncio.gather(*(view(invoice) for invoice in invoices))
    _expect_pages(k, rates, invoices, pages)
    k.expect_elapsed(started, at_most=LATENCY, what="serving three invoice pages at once", where=_rate_site(k))
