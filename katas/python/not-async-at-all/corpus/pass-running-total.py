# expect: pass
# Plain functions; invoice_total keeps a running total in an ordinary for loop.
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    sku: str
    quantity: int
    unit_cents: int


def parse_line(row: str) -> InvoiceLine:
    sku, quantity, unit_cents = (field.strip() for field in row.split(","))
    return InvoiceLine(sku, int(quantity), int(unit_cents))


def invoice_total(csv_text: str) -> int:
    """Total in cents of 'sku,quantity,unit_cents' rows; blank rows are skipped.

    Called from the billing CLI (plain synchronous code) and inline from the checkout page's handler.
    """
    total = 0
    for row in csv_text.splitlines():
        if row.strip():
            line = parse_line(row)
            total += line.quantity * line.unit_cents
    return total
