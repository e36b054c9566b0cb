# expect: fail wrong-result
# Drops the rates service and converts with a table copied into to_eur, so the rates are stale and fetch_rate is never asked.
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


RATES = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17}


def to_eur(cents: int, currency: str) -> int:
    return round(cents * RATES[currency])


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": to_eur(invoice.cents, invoice.currency)}
