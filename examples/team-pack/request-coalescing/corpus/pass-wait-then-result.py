# expect: pass
# Waits for the shared task with asyncio.wait, which never cancels what it waits for, then reads task.result().
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
        task = self._tasks.get(user_id)
        if task is None:
            task = self._tasks[user_id] = asyncio.create_task(fetch_profile(user_id))
        await asyncio.wait({task})
        if task.cancelled() or task.exception() is not None:
            if self._tasks.get(user_id) is task:
                del self._tasks[user_id]
        return task.result()  # the profile, or the task's own BackendError
