# expect: fail never-awaited too-fast
# Calls asyncio.sleep(0.01) without await: the coroutine is created, never run, and nothing waits.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    asyncio.sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
