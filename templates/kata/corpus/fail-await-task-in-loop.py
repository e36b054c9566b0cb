# expect: fail too-slow
# Wraps each ping in a task but awaits it on the same line, so the pings still run one by one.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    status = {}
    for host in hosts:
        status[host] = await asyncio.create_task(ping(host))
    return status
