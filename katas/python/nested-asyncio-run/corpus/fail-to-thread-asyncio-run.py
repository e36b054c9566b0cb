# expect: fail wrong-result
# Awaits asyncio.to_thread(asyncio.run, ...): the loop stays free, but the rate is fetched on a second loop in a worker thread.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Invoice:
    number: str
    cents: int
    currency: str


async def fetch_rate(currency: str) -> float:
    """Euro per unit of `currency`, from the exchange-rate service."""
    await asyncio.sleep(0.02)  # pretend HTTP round trip
    return {"EUR": 1.0, "USD": 0.92, "GBP": 1.17}[currency]


def to_eur(cents: int, currency: str) -> int:
    rate = asyncio.run(fetch_rate(currency))
    return round(cents * rate)


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    eur_cents = await asyncio.to_thread(to_eur, invoice.cents, invoice.currency)
    return {"number": invoice.number, "eur_cents": eur_cents}
