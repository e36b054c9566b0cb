# expect: pass
# Makes to_eur async and keeps a sync wrapper for scripts that refuses, with a clear message, to run inside a loop.
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


def to_eur_sync(cents: int, currency: str) -> int:
    """For scripts only: starts a loop of its own, so it must not be called from async code."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(to_eur(cents, currency))
    raise RuntimeError("to_eur_sync() called from async code: use `await to_eur(...)` instead")


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": await to_eur(invoice.cents, invoice.currency)}


if __name__ == "__main__":  # the nightly report script: python invoices.py
    print(to_eur_sync(1999, "USD"))
