# expect: fail exception never-awaited
# Creates a fresh loop with new_event_loop and runs it, but a thread can't run a second loop while one runs.
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
    loop = asyncio.new_event_loop()
    try:
        rate = loop.run_until_complete(fetch_rate(currency))
    finally:
        loop.close()
    return round(cents * rate)


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": to_eur(invoice.cents, invoice.currency)}
