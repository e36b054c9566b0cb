import asyncio


async def save_order(order_id: str) -> None:
    await asyncio.sleep(0.01)  # pretend database write


async def send_confirmation(order_id: str) -> None:
    await asyncio.sleep(0.03)  # pretend call to the mail service


class OrderDesk:
    """Takes orders all day; each confirmation email goes out in the background."""

    async def place_order(self, order_id: str) -> str:
        await save_order(order_id)
        asyncio.create_task(send_confirmation(order_id))  # the customer doesn't wait for the email
        return order_id

    async def close(self) -> None:
        """Called once at shutdown, right before the program exits."""
        await asyncio.sleep(0)  # let the emails still being sent finish
