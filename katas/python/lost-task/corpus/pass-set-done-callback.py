# expect: pass
# Keeps tasks in a set that a done callback prunes; the callback also keeps any failure for close() to raise.
import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    def __init__(self) -> None:
        self._sending: set[asyncio.Task[None]] = set()
        self._failures: list[BaseException] = []

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        task = asyncio.create_task(send_confirmation(order_id))
        self._sending.add(task)
        task.add_done_callback(self._finished)
        return order_id

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._sending.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self._failures.append(task.exception())

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        await asyncio.gather(*self._sending, return_exceptions=True)
        if self._failures:
            raise self._failures[0]
