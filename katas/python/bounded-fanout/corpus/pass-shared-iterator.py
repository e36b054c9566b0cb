# expect: pass
# At most four workers share one iterator over the photos; each takes the next photo when its render ends.
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
    results: list[Thumbnail | None] = [None] * len(photo_ids)
    todo = iter(enumerate(photo_ids))

    async def worker() -> None:
        for index, photo_id in todo:
            results[index] = await render(photo_id)

    await asyncio.gather(*(worker() for _ in range(min(MAX_CONNECTIONS, len(photo_ids)))))
    return results
