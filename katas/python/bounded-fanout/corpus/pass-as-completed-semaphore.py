# expect: pass
# Four connections through a semaphore, collected with as_completed over the coroutines and put back in photo order: the renders start in whatever order as_completed makes their tasks.
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
    connections = asyncio.Semaphore(MAX_CONNECTIONS)

    async def render_one(photo_id: str) -> Thumbnail:
        async with connections:
            return await render(photo_id)

    done = {}
    for next_done in asyncio.as_completed([render_one(p) for p in photo_ids]):
        thumbnail = await next_done
        done[thumbnail.photo_id] = thumbnail
    return [done[p] for p in photo_ids]
