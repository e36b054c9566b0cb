# expect: fail wrong-result
# Subtracts from the current balance after the await (no lost update), but the check still ran before it.
import asyncio


class Declined(Exception):
    """The payment processor refused the charge."""


async def authorize(card_code: str, cents: int) -> None:
    """Ask the payment processor to move the money; raises Declined if it refuses."""
    await asyncio.sleep(0.01)  # pretend network round trip


class GiftCard:
    def __init__(self, code: str, balance_cents: int) -> None:
        self.code = code
        self.balance_cents = balance_cents

    async def redeem(self, cents: int) -> bool:
        """Pay `cents` with this card. False if the balance is too low."""
        if cents > self.balance_cents:
            return False
        await authorize(self.code, cents)
        self.balance_cents -= cents
        return True
