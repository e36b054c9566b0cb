# expect: fail wrong-result
# Catches the exception around the yield to log it and puts the connection back in finally, but never re-raises: errors are swallowed.
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


@contextlib.asynccontextmanager
async def borrow(pool: asyncio.Queue) -> AsyncIterator[Connection]:
    """Lend one idle connection for the duration of an `async with` block."""
    conn = await pool.get()  # waits while every connection is lent out
    try:
        yield conn
    except Exception as exc:
        print(f"query failed on {conn.name}: {exc!r}")
    finally:
        pool.put_nowait(conn)


async def charge(pool: asyncio.Queue, payment_id: str, cents: int) -> str:
    async with borrow(pool) as conn:
        await conn.execute("INSERT INTO charges VALUES ($1, $2)", payment_id, cents)
    return payment_id
