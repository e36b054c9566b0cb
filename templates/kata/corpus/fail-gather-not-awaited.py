# expect: fail wrong-result
# Returns the gather future itself instead of awaiting it, so the caller gets a Future, not a dict.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    return asyncio.gather(*(ping(host) for host in hosts))
