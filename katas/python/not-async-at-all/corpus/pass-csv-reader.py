# expect: pass
# Plain functions built on the csv module: csv.reader splits the rows, blank ones are skipped.
import csv
import io
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    sku: str
    quantity: int
    unit_cents: int


def parse_fields(fields: list[str]) -> InvoiceLine:
    sku, quantity, unit_cents = (field.strip() for field in fields)
    return InvoiceLine(sku, int(quantity), int(unit_cents))


def invoice_total(csv_text: str) -> int:
    """Total in cents of 'sku,quantity,unit_cents' rows; blank rows are skipped.

    Called from the billing CLI (plain synchronous code) and inline from the checkout page's handler.
    """
    rows = csv.reader(io.StringIO(csv_text))
    lines = [parse_fields(fields) for fields in rows if any(field.strip() for field in fields)]
    return sum(line.quantity * line.unit_cents for line in lines)
