# expect: fail wrong-result
# Collects the names with as_completed, in the order the checks finish: with equal waits that looked like probe order.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    await asyncio.sleep(0.01)  # pretend to wait for a health endpoint
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return [await done for done in asyncio.as_completed([check(p) for p in probes])]
