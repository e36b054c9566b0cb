# expect: fail wrong-result
# Each host has its timeout, but check_all collects the statuses with as_completed: in the order they finish, not the order of the hosts.
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
        healthy = await asyncio.wait_for(ping(host), timeout=TIMEOUT)
    except asyncio.TimeoutError:
        return Status(host, "timeout")
    return Status(host, "up" if healthy else "down")


async def check_all(hosts: list[str]) -> list[Status]:
    return [await done for done in asyncio.as_completed([check_host(h) for h in hosts])]
