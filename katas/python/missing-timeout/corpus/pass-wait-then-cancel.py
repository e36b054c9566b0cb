# expect: pass
# Runs ping as a Task, waits at most TIMEOUT with asyncio.wait, and cancels the Task if it is not done.
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
    done, _ = await asyncio.wait({request}, timeout=TIMEOUT)
    if not done:
        request.cancel()
        return Status(host, "timeout")
    return Status(host, "up" if request.result() else "down")


async def check_all(hosts: list[str]) -> list[Status]:
    return list(await asyncio.gather(*(check_host(h) for h in hosts)))
