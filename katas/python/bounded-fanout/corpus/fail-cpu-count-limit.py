# expect: fail too-slow
# Sizes the semaphore by os.cpu_count(): right on a 4-core machine only; fewer cores leave connections idle, more crash the service.
import asyncio
import os
from dataclasses import dataclass

MAX_CONNECTIONS = 4  # the image service refuses a 5th connection while 4 are open


@dataclass(frozen=True, slots=True)
class Thumbnail:
    photo_id: str
    width: int


async def render(photo_id: str) -> Thumbnail:
    await asyncio.sleep(0.02)  # pretend HTTP call to the image service
    return Thumbnail(photo_id, 160)


async def make_thumbnails(photo_ids: list[str]) -> list[Thumbnail]:
    connections = asyncio.Semaphore(os.cpu_count() or MAX_CONNECTIONS)

    async def render_one(photo_id: str) -> Thumbnail:
        async with connections:
            return await render(photo_id)

    return list(await asyncio.gather(*(render_one(p) for p in photo_ids)))
