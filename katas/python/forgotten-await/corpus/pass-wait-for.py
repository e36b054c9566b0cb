# expect: pass
# Awaits create_receipt through asyncio.wait_for with a generous one-second timeout.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    receipt = await asyncio.wait_for(create_receipt(order_id), timeout=1)
    print(f"created {receipt}")
    return receipt
