# expect: fail blocking-call exception
# Writes to_thread(time.sleep(0.01)): the sleep runs right away on the loop thread and to_thread gets None.
import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.to_thread(time.sleep(0.01))  # wait off the loop thread
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
