# expect: fail too-slow
# Workers quit after waiting 100 ms for a webhook that never comes, so deliver_all returns 100 ms late.
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
            hook = await asyncio.wait_for(queue.get(), timeout=0.1)
        except asyncio.TimeoutError:
            return  # idle for 100 ms: assume the work is done
        try:
            receipts.append(await deliver(hook))
        finally:
            queue.task_done()


async def deliver_all(hooks: list[Webhook], workers: int = 3) -> list[str]:
    queue: asyncio.Queue[Webhook] = asyncio.Queue()
    for hook in hooks:
        queue.put_nowait(hook)
    receipts: list[str] = []
    await asyncio.gather(*(worker(queue, receipts) for _ in range(workers)))
    return receipts
