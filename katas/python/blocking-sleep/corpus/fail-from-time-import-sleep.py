# expect: fail blocking-call
# Imports sleep from the time module under a bare name; it still blocks the loop thread.
import asyncio
from time import sleep
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
