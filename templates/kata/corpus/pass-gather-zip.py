# expect: pass
# Gathers every ping at once and zips the answers back onto the hosts.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    answers = await asyncio.gather(*(ping(host) for host in hosts))
    return dict(zip(hosts, answers))
