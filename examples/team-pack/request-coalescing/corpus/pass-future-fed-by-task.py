# expect: pass
# Callers share a plain Future per user; a separate task does the fetch and resolves it, so no caller's cancel reaches the fetch.
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
        self._profiles: dict[str, Profile] = {}
        self._waiting: dict[str, asyncio.Future[Profile]] = {}
        self._fetchers: set[asyncio.Task[None]] = set()

    async def _fill(self, user_id: str, future: asyncio.Future[Profile]) -> None:
        try:
            profile = await fetch_profile(user_id)
        except Exception as exc:
            future.set_exception(exc)
        else:
            self._profiles[user_id] = profile
            future.set_result(profile)
        finally:
            del self._waiting[user_id]

    async def get(self, user_id: str) -> Profile:
        if user_id in self._profiles:
            return self._profiles[user_id]
        future = self._waiting.get(user_id)
        if future is None:
            future = self._waiting[user_id] = asyncio.get_running_loop().create_future()
            fetcher = asyncio.create_task(self._fill(user_id, future))
            self._fetchers.add(fetcher)
            fetcher.add_done_callback(self._fetchers.discard)
        return await asyncio.shield(future)
