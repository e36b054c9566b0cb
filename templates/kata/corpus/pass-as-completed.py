# expect: pass
# Tags each ping with its host and collects them as they complete; a dict does not care about order.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    async def tagged(host: str) -> tuple[str, bool]:
        return host, await ping(host)

    status = {}
    for next_done in asyncio.as_completed([tagged(host) for host in hosts]):
        host, up = await next_done
        status[host] = up
    return status
