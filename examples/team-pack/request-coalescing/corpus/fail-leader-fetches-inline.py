# expect: fail wrong-result
# The first caller fetches inline and resolves a Future for the others: when that caller is cancelled, everyone is.
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

    async def get(self, user_id: str) -> Profile:
        if user_id in self._profiles:
            return self._profiles[user_id]
        if user_id in self._waiting:
            return await asyncio.shield(self._waiting[user_id])
        future = self._waiting[user_id] = asyncio.get_running_loop().create_future()
        try:
            profile = await fetch_profile(user_id)
        except BaseException as exc:
            if isinstance(exc, asyncio.CancelledError):
                future.cancel()
            else:
                future.set_exception(exc)
                future.exception()  # the leader raises it; the followers read it too
            raise
        else:
            self._profiles[user_id] = profile
            future.set_result(profile)
            return profile
        finally:
            del self._waiting[user_id]
