# expect: fail cpu-bound
# Schedules the fetch as a task and spins until it is done, but the task can't run while to_eur holds the loop.
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
    task = asyncio.ensure_future(fetch_rate(currency))
    while not task.done():
        pass  # wait for the rate
    return round(cents * task.result())


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": to_eur(invoice.cents, invoice.currency)}
