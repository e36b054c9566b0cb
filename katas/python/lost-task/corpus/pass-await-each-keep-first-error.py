# expect: pass
# Awaits the kept tasks one by one, remembering the first failure and raising it after the last task.
import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    def __init__(self) -> None:
        self._sending: dict[str, asyncio.Task[None]] = {}

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        self._sending[order_id] = asyncio.create_task(send_confirmation(order_id))
        return order_id

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        first_error: Exception | None = None
        for task in self._sending.values():
            try:
                await task
            except Exception as error:
                first_error = first_error or error
        if first_error is not None:
            raise first_error
