# expect: fail too-fast wrong-result
# Submits the upload with run_in_executor but never awaits the future: back_up returns before the upload ends and never sees its error.
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
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, path.read_bytes)
    loop.run_in_executor(None, put_object, path.name, data)
    return Upload(path.name, len(data))


async def back_up_all(paths: list[Path]) -> list[Upload]:
    return list(await asyncio.gather(*(back_up(p) for p in paths)))
