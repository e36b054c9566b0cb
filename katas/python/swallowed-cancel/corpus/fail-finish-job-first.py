# expect: fail too-slow
# Shields the job and, when cancelled, waits for it to finish before stopping: 60 ms late.
import asyncio


class Lease:
    """This worker's claim on the job queue: until it is released, no other worker may take over."""

    async def acquire(self) -> None:
        await asyncio.sleep(0.01)  # pretend round trip to the coordinator

    async def release(self) -> None:
        await asyncio.sleep(0.01)  # pretend round trip to the coordinator


async def process(job: str) -> None:
    await asyncio.sleep(0.1)  # pretend to do the work
    if job.startswith("bad"):
        raise ValueError(f"cannot process {job}")


async def run_worker(jobs: asyncio.Queue[str], lease: Lease) -> None:
    await lease.acquire()
    try:
        while True:
            job = await jobs.get()
            current = asyncio.create_task(process(job))
            try:
                await asyncio.shield(current)
            except asyncio.CancelledError:
                await asyncio.wait({current})  # finish the job in progress, then stop
                raise
            except Exception:
                print(f"job {job} failed, skipping it")
    finally:
        await lease.release()
