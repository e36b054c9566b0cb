# expect: fail wrong-result
# A class-based manager whose __aexit__ returns True after putting the connection back, which tells async with to suppress the exception.
import asyncio
import contextlib
from collections.abc import AsyncIterator


class Connection:
    def __init__(self, name: str) -> None:
        self.name = name

    async def execute(self, sql: str, *args: object) -> None:
        await asyncio.sleep(0.01)  # pretend database round trip


def make_pool(connections: list[Connection]) -> asyncio.Queue:
    """The pool is a queue of idle connections."""
    pool: asyncio.Queue = asyncio.Queue()
    for conn in connections:
        pool.put_nowait(conn)
    return pool


class borrow:
    """Lend one idle connection for the duration of an `async with` block."""

    def __init__(self, pool: asyncio.Queue) -> None:
        self._pool = pool
        self._conn: Connection | None = None

    async def __aenter__(self) -> Connection:
        self._conn = await self._pool.get()  # waits while every connection is lent out
        return self._conn

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        self._pool.put_nowait(self._conn)
        return True  # "handled"


async def charge(pool: asyncio.Queue, payment_id: str, cents: int) -> str:
    async with borrow(pool) as conn:
        await conn.execute("INSERT INTO charges VALUES ($1, $2)", payment_id, cents)
    return payment_id
