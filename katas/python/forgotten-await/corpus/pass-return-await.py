# expect: pass
# Prints before creating the receipt, then returns the awaited result directly.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    print(f"creating receipt for {order_id}")
    return await create_receipt(order_id)
