# expect: fail syntax-error
# Turns invoice_total into a plain def but keeps its awaits, which is a SyntaxError outside an async function.
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


def invoice_total(csv_text: str) -> int:
    """Total in cents of 'sku,quantity,unit_cents' rows; blank rows are skipped.

    Called from the billing CLI (plain synchronous code) and inline from the checkout page's handler.
    """
    rows = [row for row in csv_text.splitlines() if row.strip()]
    lines = await asyncio.gather(*(parse_line(row) for row in rows))
    return sum(line.quantity * line.unit_cents for line in lines)
