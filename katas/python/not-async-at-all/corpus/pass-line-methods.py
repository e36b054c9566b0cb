# expect: pass
# Moves parsing and the line amount onto InvoiceLine as a classmethod and a property; all plain code.
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    sku: str
    quantity: int
    unit_cents: int

    @classmethod
    def from_row(cls, row: str) -> "InvoiceLine":
        sku, quantity, unit_cents = (field.strip() for field in row.split(","))
        return cls(sku, int(quantity), int(unit_cents))

    @property
    def cents(self) -> int:
        return self.quantity * self.unit_cents


def invoice_total(csv_text: str) -> int:
    """Total in cents of 'sku,quantity,unit_cents' rows; blank rows are skipped.

    Called from the billing CLI (plain synchronous code) and inline from the checkout page's handler.
    """
    return sum(InvoiceLine.from_row(row).cents for row in csv_text.splitlines() if row.strip())
