# expect: fail exception
# close() calls asyncio.wait on the kept tasks without a guard: ValueError when no order was placed.
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
        await asyncio.wait(self._sending)
        for task in self._sending:
            task.result()
