# expect: fail wrong-result unretrieved
# Keeps a strong reference in a set as the docs show, but close() still never waits for the tasks.
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
        await asyncio.sleep(0)  # let the emails still being sent finish
