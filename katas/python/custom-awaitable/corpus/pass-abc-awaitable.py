# expect: pass
# Declares UserQuery a collections.abc.Awaitable and implements its abstract __await__ with the coroutine's iterator.
import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    active: bool


async def run_query(table: str, filters: dict, limit: int | None) -> list[dict]:
    await asyncio.sleep(0.01)  # pretend database round trip
    return []


class UserQuery(Awaitable):
    """A lazy query: nothing runs until `await UserQuery().where(active=True).limit(10)`."""

    def __init__(self) -> None:
        self.filters: dict = {}
        self.max_rows: int | None = None

    def where(self, **filters) -> "UserQuery":
        self.filters.update(filters)
        return self

    def limit(self, n: int) -> "UserQuery":
        self.max_rows = n
        return self

    async def _fetch(self) -> list[User]:
        rows = await run_query("users", self.filters, self.max_rows)
        return [User(**row) for row in rows]

    def __await__(self):
        return self._fetch().__await__()
