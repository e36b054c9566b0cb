# expect: fail too-slow
# Fixes check with asyncio.sleep but awaits the checks one after another in check_all.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return [await check(p) for p in probes]
