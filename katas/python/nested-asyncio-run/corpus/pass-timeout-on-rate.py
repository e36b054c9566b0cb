# expect: pass
# Awaits the async to_eur, which bounds the rate lookup with asyncio.wait_for so a stuck service can't hang the page.
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
    rate = await asyncio.wait_for(fetch_rate(currency), timeout=2.0)
    return round(cents * rate)


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    eur_cents = await to_eur(invoice.cents, invoice.currency)
    return {"number": invoice.number, "eur_cents": eur_cents}


if __name__ == "__main__":  # the nightly report script: python invoices.py
    print(asyncio.run(to_eur(1999, "USD")))
