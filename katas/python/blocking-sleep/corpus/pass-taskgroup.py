# expect: pass
# python: >=3.11
# Uses asyncio.sleep in check and a TaskGroup (3.11+) in check_all, reading results in probe order.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(check(p)) for p in probes]
    return [task.result() for task in tasks]
