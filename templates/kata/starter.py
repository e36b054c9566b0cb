# TEMPLATE: replace this file with your service's broken code, with ONE focused bug (here: the awaits
# run one after another). The learner gets it as <kata-id>.py. Keep every name your tests.py calls,
# and delete these three comment lines.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    status = {}
    for host in hosts:
        status[host] = await ping(host)
    return status
