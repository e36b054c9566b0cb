# expect: pass
# Moves the whole blocking part into one plain function and runs that in a worker thread.
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


def _read_and_put(path: Path) -> int:
    data = path.read_bytes()
    put_object(path.name, data)
    return len(data)


async def back_up(path: Path) -> Upload:
    size = await asyncio.to_thread(_read_and_put, path)
    return Upload(path.name, size)


async def back_up_all(paths: list[Path]) -> list[Upload]:
    return list(await asyncio.gather(*(back_up(p) for p in paths)))
