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
        # One task per user: in flight, or done with the profile. Failed ones are dropped.
        self._profiles: dict[str, asyncio.Task[Profile]] = {}

    async def get(self, user_id: str) -> Profile:
        task = self._profiles.get(user_id)
        if task is None:
            task = asyncio.create_task(fetch_profile(user_id))
            self._profiles[user_id] = task
            task.add_done_callback(lambda done: self._forget_failure(user_id, done))
        # shield: a caller that is cancelled stops waiting, but the fetch goes on for the others
        return await asyncio.shield(task)

    def _forget_failure(self, user_id: str, task: asyncio.Task[Profile]) -> None:
        if (task.cancelled() or task.exception() is not None) and self._profiles.get(user_id) is task:
            del self._profiles[user_id]
