# expect: fail wrong-result
# Moves the sum into a worker thread with asyncio.to_thread, but invoice_total is still async, so plain callers still get a coroutine.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    sku: str
    quantity: int
    unit_cents: int


def parse_line(row: str) -> InvoiceLine:
    sku, quantity, unit_cents = (field.strip() for field in row.split(","))
    return InvoiceLine(sku, int(quantity), int(unit_cents))


def _total(csv_text: str) -> int:
    rows = [row for row in csv_text.splitlines() if row.strip()]
    return sum(line.quantity * line.unit_cents for line in map(parse_line, rows))


async def invoice_total(csv_text: str) -> int:
    """Total in cents of 'sku,quantity,unit_cents' rows; blank rows are skipped.

    Called from the billing CLI (plain synchronous code) and inline from the checkout page's handler.
    """
    return await asyncio.to_thread(_total, csv_text)
