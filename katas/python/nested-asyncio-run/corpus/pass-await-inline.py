# expect: pass
# Drops the helper: invoice_view awaits fetch_rate itself and converts inline.
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


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    rate = await fetch_rate(invoice.currency)
    return {"number": invoice.number, "eur_cents": round(invoice.cents * rate)}


if __name__ == "__main__":  # the nightly report script: python invoices.py
    print(asyncio.run(invoice_view(Invoice("INV-0", 1999, "USD"))))
