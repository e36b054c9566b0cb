# expect: fail wrong-result unretrieved
# Prunes finished tasks with add_done_callback(discard), so a task that failed before close() is gone with its error.
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
        task.add_done_callback(self._sending.discard)
        return order_id

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        for result in await asyncio.gather(*self._sending, return_exceptions=True):
            if isinstance(result, BaseException):
                raise result
