# expect: pass
# python: >=3.11
# Offloads put_object as a functools.partial with run_in_executor; back_up_all uses a TaskGroup (3.11+).
import asyncio
import functools
import urllib.request
from dataclasses import dataclass
from pathlib import Path

STORAGE = "https://storage.example.com/backups"


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    size: int


def put_object(name: str, data: bytes) -> None:
    """PUT one object on the storage server: a plain, blocking HTTP call."""
    request = urllib.request.Request(f"{STORAGE}/{name}", data=data, method="PUT")
    with urllib.request.urlopen(request, timeout=10):
        pass


async def back_up(path: Path) -> Upload:
    loop = asyncio.get_running_loop()
    data = await asyncio.to_thread(path.read_bytes)
    await loop.run_in_executor(None, functools.partial(put_object, path.name, data))
    return Upload(path.name, len(data))


async def back_up_all(paths: list[Path]) -> list[Upload]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(back_up(p)) for p in paths]
    return [task.result() for task in tasks]
