# expect: fail blocking-call
# Gathers correctly but adds a short time.sleep first, which freezes the event loop.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    import time

    time.sleep(0.005)
    answers = await asyncio.gather(*(ping(host) for host in hosts))
    return dict(zip(hosts, answers))
