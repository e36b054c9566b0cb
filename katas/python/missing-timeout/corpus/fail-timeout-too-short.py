# expect: fail wrong-result too-fast
# Gives each ping only 0.5 s, so the slow but healthy host is reported as a timeout.
import asyncio
from dataclasses import dataclass

TIMEOUT = 2.0  # seconds a host gets to answer before it counts as "timeout"


@dataclass(frozen=True, slots=True)
class Status:
    host: str
    state: str  # "up", "down" or "timeout"


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend to call the host's /health endpoint
    return True


async def check_host(host: str) -> Status:
    try:
        healthy = await asyncio.wait_for(ping(host), timeout=0.5)
    except asyncio.TimeoutError:
        return Status(host, "timeout")
    return Status(host, "up" if healthy else "down")


async def check_all(hosts: list[str]) -> list[Status]:
    return list(await asyncio.gather(*(check_host(h) for h in hosts)))
