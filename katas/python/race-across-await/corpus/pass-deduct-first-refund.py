# expect: pass
# Checks and deducts before the await (no await in between), and puts the money back if authorize fails.
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
        self.balance_cents -= cents  # reserve before pausing
        try:
            await authorize(self.code, cents)
        except BaseException:  # declined or cancelled: give the money back
            self.balance_cents += cents
            raise
        return True
