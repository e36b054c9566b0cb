# expect: fail deadlock
# The worker catches CancelledError to keep going, so cancel() cannot stop it and gather waits forever.
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
        try:
            hook = await queue.get()
        except asyncio.CancelledError:
            continue  # keep the worker alive no matter what
        try:
            receipts.append(await deliver(hook))
        finally:
            queue.task_done()


async def deliver_all(hooks: list[Webhook], workers: int = 3) -> list[str]:
    queue: asyncio.Queue[Webhook] = asyncio.Queue()
    for hook in hooks:
        queue.put_nowait(hook)
    receipts: list[str] = []
    tasks = [asyncio.create_task(worker(queue, receipts)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return receipts
