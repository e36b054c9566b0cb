# expect: fail wrong-result exception never-awaited
# Keeps the async code and adds a plain invoice_total that drives it with asyncio.run: a new loop per call, and a RuntimeError inside a running loop.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    sku: str
    quantity: int
    unit_cents: int


async def parse_line(row: str) -> InvoiceLine:
    sku, quantity, unit_cents = (field.strip() for field in row.split(","))
    return InvoiceLine(sku, int(quantity), int(unit_cents))


async def _invoice_total(csv_text: str) -> int:
    rows = [row for row in csv_text.splitlines() if row.strip()]
    lines = await asyncio.gather(*(parse_line(row) for row in rows))
    await asyncio.sleep(0)  # stay responsive
    return sum(line.quantity * line.unit_cents for line in lines)


def invoice_total(csv_text: str) -> int:
    """Total in cents of 'sku,quantity,unit_cents' rows; blank rows are skipped.

    Called from the billing CLI (plain synchronous code) and inline from the checkout page's handler.
    """
    return asyncio.run(_invoice_total(csv_text))
