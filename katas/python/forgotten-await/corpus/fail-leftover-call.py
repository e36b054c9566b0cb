# expect: fail never-awaited
# Adds await on the return line but keeps the first call, whose coroutine is never awaited.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    receipt = create_receipt(order_id)
    print(f"created {receipt}")
    return await create_receipt(order_id)
