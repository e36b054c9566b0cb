# expect: pass
# Moves the error handling into a helper that catches Exception and reports success as a bool.
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


async def try_process(job: str) -> bool:
    try:
        await process(job)
    except Exception:
        return False
    return True


async def run_worker(jobs: asyncio.Queue[str], lease: Lease) -> None:
    await lease.acquire()
    try:
        while True:
            job = await jobs.get()
            if not await try_process(job):
                print(f"job {job} failed, skipping it")
    finally:
        await lease.release()
