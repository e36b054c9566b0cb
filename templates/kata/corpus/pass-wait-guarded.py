# expect: pass
# Waits for all tasks with asyncio.wait, guarding the empty list it would reject.
import asyncio


async def ping(host: str) -> bool:
    await asyncio.sleep(0.01)  # pretend network round trip
    return True


async def check_all(hosts: list[str]) -> dict[str, bool]:
    """Ping every host; report which ones are up."""
    if not hosts:
        return {}
    tasks = {host: asyncio.create_task(ping(host)) for host in hosts}
    await asyncio.wait(tasks.values())
    return {host: task.result() for host, task in tasks.items()}
