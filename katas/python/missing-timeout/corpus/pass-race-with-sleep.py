# expect: pass
# Races the ping against asyncio.sleep(TIMEOUT) with FIRST_COMPLETED and cancels whichever loses.
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
    request = asyncio.create_task(ping(host))
    alarm = asyncio.create_task(asyncio.sleep(TIMEOUT))
    await asyncio.wait({request, alarm}, return_when=asyncio.FIRST_COMPLETED)
    if not request.done():
        request.cancel()
        return Status(host, "timeout")
    alarm.cancel()
    return Status(host, "up" if request.result() else "down")


async def check_all(hosts: list[str]) -> list[Status]:
    return list(await asyncio.gather(*(check_host(h) for h in hosts)))
