# expect: fail wrong-result never-awaited
# Makes to_eur async but forgets to await it in invoice_view, so the page holds a coroutine object.
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


async def to_eur(cents: int, currency: str) -> int:
    rate = await fetch_rate(currency)
    return round(cents * rate)


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": to_eur(invoice.cents, invoice.currency)}
