# expect: fail unretrieved
# The starter unchanged: joins the queue and returns, leaving every worker blocked on queue.get() forever.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Webhook:
    event_id: str
    url: str


async def deliver(hook: Webhook) -> str:
    await asyncio.sleep(0.03)  # pretend POST to the subscriber's endpoint
    return f"{hook.event_id}: 202"


async def worker(queue: asyncio.Queue, receipts: list[str]) -> None:
    while True:
        hook = await queue.get()
        try:
            receipts.append(await deliver(hook))
        finally:
            queue.task_done()


async def deliver_all(hooks: list[Webhook], workers: int = 3) -> list[str]:
    queue: asyncio.Queue[Webhook] = asyncio.Queue()
    for hook in hooks:
        queue.put_nowait(hook)
    receipts: list[str] = []
    for _ in range(workers):
        asyncio.create_task(worker(queue, receipts))
    await queue.join()  # every webhook has been delivered
    return receipts
