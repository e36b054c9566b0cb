# expect: fail wrong-result
# Shares the task but awaits it without shield: cancelling one caller cancels the fetch for every caller.
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
        try:
            return await task
        except BaseException:
            if task.done() and self._tasks.get(user_id) is task:
                del self._tasks[user_id]
            raise
