# expect: fail exception
# Creates the semaphore at import time; it binds to the first event loop that waits on it and fails in the next asyncio.run.
import asyncio
from dataclasses import dataclass

MAX_CONNECTIONS = 4  # the image service refuses a 5th connection while 4 are open


@dataclass(frozen=True, slots=True)
class Thumbnail:
    photo_id: str
    width: int


async def render(photo_id: str) -> Thumbnail:
    await asyncio.sleep(0.02)  # pretend HTTP call to the image service
    return Thumbnail(photo_id, 160)


connections = asyncio.Semaphore(MAX_CONNECTIONS)


async def render_one(photo_id: str) -> Thumbnail:
    async with connections:
        return await render(photo_id)


async def make_thumbnails(photo_ids: list[str]) -> list[Thumbnail]:
    return list(await asyncio.gather(*(render_one(p) for p in photo_ids)))
