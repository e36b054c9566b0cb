# expect: fail blocking-call
# Awaits asyncio.sleep(0) first, then still calls time.sleep, which blocks once the task resumes.
import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.sleep(0)  # be polite to the loop
    time.sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
