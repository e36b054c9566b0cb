# expect: pass
# Keeps the coroutine in a variable first and awaits it on the next line.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    pending = create_receipt(order_id)
    receipt = await pending
    print(f"created {receipt}")
    return receipt
