# expect: fail wrong-result
# Uploads in worker threads, but back_up_all collects the uploads with as_completed: in the order they finish, not the order of the paths.
import asyncio
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
    data = await asyncio.to_thread(path.read_bytes)
    await asyncio.to_thread(put_object, path.name, data)
    return Upload(path.name, len(data))


async def back_up_all(paths: list[Path]) -> list[Upload]:
    return [await done for done in asyncio.as_completed([back_up(p) for p in paths])]
