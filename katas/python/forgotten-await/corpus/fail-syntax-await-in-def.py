# expect: fail syntax-error
# Moves the await into a nested plain def, where await is a SyntaxError.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    def build() -> Receipt:
        return await create_receipt(order_id)

    receipt = build()
    print(f"created {receipt}")
    return receipt
