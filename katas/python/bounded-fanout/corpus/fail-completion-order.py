# expect: fail wrong-result
# Four workers drain a queue but append thumbnails as they finish, so the list is in completion order.
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
    jobs: asyncio.Queue[str] = asyncio.Queue()
    for photo_id in photo_ids:
        jobs.put_nowait(photo_id)
    thumbnails: list[Thumbnail] = []

    async def worker() -> None:
        while not jobs.empty():
            thumbnails.append(await render(jobs.get_nowait()))

    await asyncio.gather(*(worker() for _ in range(MAX_CONNECTIONS)))
    return thumbnails
