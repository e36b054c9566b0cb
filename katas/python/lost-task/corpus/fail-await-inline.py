# expect: fail too-slow
# Awaits the email inside place_order, so the customer waits for the mail service too.
import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        await send_confirmation(order_id)
        return order_id

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
