# expect: fail wrong-result
# Wraps the coroutine with ensure_future but returns the Future without awaiting it.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    receipt = asyncio.ensure_future(create_receipt(order_id))
    print(f"created {receipt}")
    return receipt
