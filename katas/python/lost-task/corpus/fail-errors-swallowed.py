# expect: fail wrong-result
# Waits for every task with return_exceptions=True but never looks at the results, so failures vanish.
import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    def __init__(self) -> None:
        self._sending: list[asyncio.Task[None]] = []

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        self._sending.append(asyncio.create_task(send_confirmation(order_id)))
        return order_id

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        await asyncio.gather(*self._sending, return_exceptions=True)
