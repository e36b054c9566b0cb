# expect: fail too-slow
# Offloads to a ThreadPoolExecutor with one worker, so the four uploads queue behind each other.
import asyncio
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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


BACKUP_THREAD = ThreadPoolExecutor(max_workers=1)


async def back_up(path: Path) -> Upload:
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(BACKUP_THREAD, path.read_bytes)
    await loop.run_in_executor(BACKUP_THREAD, put_object, path.name, data)
    return Upload(path.name, len(data))


async def back_up_all(paths: list[Path]) -> list[Upload]:
    return list(await asyncio.gather(*(back_up(p) for p in paths)))
