# expect: fail too-slow
# Holds one asyncio.Lock for the whole cache around check-fetch-store: callers for different users queue up too.
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
        self._lock = asyncio.Lock()

    async def get(self, user_id: str) -> Profile:
        async with self._lock:
            if user_id not in self._profiles:
                self._profiles[user_id] = await fetch_profile(user_id)
            return self._profiles[user_id]
