# expect: pass
# Four worker tasks pull (position, photo) pairs from an asyncio.Queue and store each result at its position.
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
    jobs: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
    for job in enumerate(photo_ids):
        jobs.put_nowait(job)
    results: list[Thumbnail | None] = [None] * len(photo_ids)

    async def worker() -> None:
        while not jobs.empty():
            index, photo_id = jobs.get_nowait()
            results[index] = await render(photo_id)

    await asyncio.gather(*(worker() for _ in range(MAX_CONNECTIONS)))
    return results
