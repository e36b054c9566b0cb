# expect: pass
# Keeps the blocking time.sleep but runs it in a worker thread with asyncio.to_thread.
import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.to_thread(time.sleep, 0.01)  # wait off the loop thread
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
