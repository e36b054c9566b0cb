# expect: pass
# Catches BaseException to log it, but re-raises anything that is not an Exception.
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
            try:
                await process(job)
            except BaseException as exc:
                if not isinstance(exc, Exception):
                    raise  # CancelledError, KeyboardInterrupt, SystemExit
                print(f"job {job} failed ({exc!r}), skipping it")
    finally:
        await lease.release()
