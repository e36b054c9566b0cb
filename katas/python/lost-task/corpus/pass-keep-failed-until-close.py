# expect: pass
# Keeps a set pruned only of successful tasks, and drains it in close() with gather(return_exceptions=True).
import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    def __init__(self) -> None:
        self._sending: set[asyncio.Task[None]] = set()

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        task = asyncio.create_task(send_confirmation(order_id))
        self._sending.add(task)
        task.add_done_callback(self._forget_if_sent)
        return order_id

    def _forget_if_sent(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is None:
            self._sending.discard(task)  # a failed task stays until close() has raised its error

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        for result in await asyncio.gather(*self._sending, return_exceptions=True):
            if isinstance(result, BaseException):
                raise result
