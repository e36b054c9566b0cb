# expect: fail exception
# Keeps the unbounded gather and retries a refused render after a pause: the service still sees too many connections.
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


async def render_with_retry(photo_id: str) -> Thumbnail:
    while True:
        try:
            return await render(photo_id)
        except Exception:
            await asyncio.sleep(0.01)  # busy: try again shortly


async def make_thumbnails(photo_ids: list[str]) -> list[Thumbnail]:
    return list(await asyncio.gather(*(render_with_retry(p) for p in photo_ids)))
