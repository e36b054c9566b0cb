# expect: fail wrong-result exception never-awaited
# Creates and closes a fresh event loop in every call; inside the checkout handler's running loop that raises RuntimeError.
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
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(_invoice_total(csv_text))
    finally:
        loop.close()
