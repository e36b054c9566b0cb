# expect: pass
# Wraps the coroutine with asyncio.ensure_future and awaits the resulting Task.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    future = asyncio.ensure_future(create_receipt(order_id))
    receipt = await future
    print(f"created {receipt}")
    return receipt
