# expect: pass
# Schedules create_receipt as a Task, then awaits the Task for its result.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    task = asyncio.create_task(create_receipt(order_id))
    receipt = await task
    print(f"created {receipt}")
    return receipt
