# expect: pass
# python: >=3.11
# Bounds the shutdown with asyncio.timeout, gathers every kept task and raises all failures in one ExceptionGroup (3.11+).
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
        async with asyncio.timeout(5):  # a stuck mail service must not hang the shutdown
            results = await asyncio.gather(*self._sending, return_exceptions=True)
        errors = [r for r in results if isinstance(r, Exception)]
        if errors:
            raise ExceptionGroup("confirmations failed", errors)
