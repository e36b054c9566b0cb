# expect: fail timeout wrong-result
# Puts one time limit around the whole gather in check_all: check_host alone still hangs, and live hosts are lost.
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
    healthy = await ping(host)
    return Status(host, "up" if healthy else "down")


async def check_all(hosts: list[str]) -> list[Status]:
    try:
        return list(await asyncio.wait_for(asyncio.gather(*(check_host(h) for h in hosts)), TIMEOUT))
    except asyncio.TimeoutError:
        return [Status(h, "timeout") for h in hosts]
