# expect: pass
# Uses asyncio.sleep in check; check_all starts every check as a Task first, then awaits them in order.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    tasks = [asyncio.create_task(check(p)) for p in probes]
    return [await task for task in tasks]
