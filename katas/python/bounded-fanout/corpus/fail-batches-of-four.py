# expect: fail too-slow
# Gathers the photos in groups of four: never over the limit, but each group waits for its slowest render.
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


async def make_thumbnails(photo_ids: list[str]) -> list[Thumbnail]:
    thumbnails = []
    for start in range(0, len(photo_ids), MAX_CONNECTIONS):
        batch = photo_ids[start:start + MAX_CONNECTIONS]
        thumbnails += await asyncio.gather(*(render(p) for p in batch))
    return thumbnails
