# expect: fail wrong-result unretrieved
# Stores each new task in one attribute, so close() awaits only the latest order's email.
import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    def __init__(self) -> None:
        self._sending: asyncio.Task[None] | None = None

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        self._sending = asyncio.create_task(send_confirmation(order_id))
        return order_id

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        if self._sending is not None:
            await self._sending
