# expect: fail cpu-bound
# Spins on time.monotonic() until 10 ms have passed, never awaiting inside the loop.
import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    deadline = time.monotonic() + 0.01
    while time.monotonic() < deadline:  # pretend to wait for a health endpoint
        pass
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
