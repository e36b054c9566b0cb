# expect: pass
# Creates one task per host first, then awaits the tasks one by one: all pings are already in flight.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    tasks = {host: asyncio.create_task(ping(host)) for host in hosts}
    return {host: await task for host, task in tasks.items()}
