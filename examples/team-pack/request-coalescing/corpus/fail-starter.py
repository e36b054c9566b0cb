# expect: fail wrong-result
# The starter unchanged: the profile is stored only after the fetch, so concurrent callers all miss and all fetch.
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

    async def get(self, user_id: str) -> Profile:
        if user_id in self._profiles:
            return self._profiles[user_id]
        profile = await fetch_profile(user_id)
        self._profiles[user_id] = profile
        return profile
