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
    # Written for the nightly report script, where it worked fine.
    rate = asyncio.run(fetch_rate(currency))
    return round(cents * rate)


async def invoice_view(invoice: Invoice) -> dict:
    """GET /invoices/<number>: the web server awaits this on its event loop."""
    return {"number": invoice.number, "eur_cents": to_eur(invoice.cents, invoice.currency)}


if __name__ == "__main__":  # the nightly report script: python invoices.py
    print(to_eur(1999, "USD"))
