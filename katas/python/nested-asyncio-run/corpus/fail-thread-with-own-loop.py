# expect: fail wrong-result
# Runs asyncio.run in a worker thread and blocks on .result(): a second loop, and the server's loop is frozen meanwhile.
import asyncio
from concurrent.futures import ThreadPoolExecutor
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
    with ThreadPoolExecutor(max_workers=1) as pool:  # a thread has no running loop yet
        rate = pool.submit(asyncio.run, fetch_rate(currency)).result()
    return round(cents * rate)


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": to_eur(invoice.cents, invoice.currency)}
