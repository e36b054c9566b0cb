# expect: pass
# One task per user, awaited through shield; a done callback drops the entry of a failed or cancelled task.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Profile:
    user_id: str
    name: str


class BackendError(Exception):
    """The profile service failed to answer."""


async def fetch_profile(user_id: str) -> Profile:
    """One call to the profile service: slow, and it can raise BackendError."""
    await asyncio.sleep(0.05)  # pretend network round trip
    return Profile(user_id, user_id.title())


class ProfileCache:
    """One instance is shared by every request handler of the service."""

    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task[Profile]] = {}

    async def get(self, user_id: str) -> Profile:
        if user_id not in self._tasks:
            task = asyncio.create_task(fetch_profile(user_id))
            self._tasks[user_id] = task

            def forget(done: asyncio.Task[Profile]) -> None:
                if done.cancelled() or done.exception() is not None:
                    if self._tasks.get(user_id) is done:
                        del self._tasks[user_id]

            task.add_done_callback(forget)
        return await asyncio.shield(self._tasks[user_id])
