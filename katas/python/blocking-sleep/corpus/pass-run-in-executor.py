# expect: pass
# Runs time.sleep in the loop's default thread-pool executor and awaits the future.
import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Probe:
    name: str


async def check(probe: Probe) -> str:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.01)  # wait off the loop thread
    return probe.name


async def check_all(probes: list[Probe]) -> list[str]:
    return list(await asyncio.gather(*(check(p) for p in probes)))
