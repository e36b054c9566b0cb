# expect: fail wrong-result
# Locks only the authorize call; the balance check before it still races.
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
        self._lock = asyncio.Lock()

    async def redeem(self, cents: int) -> bool:
        """Pay `cents` with this card. False if the balance is too low."""
        balance = self.balance_cents
        if cents > balance:
            return False
        async with self._lock:
            await authorize(self.code, cents)
        self.balance_cents = balance - cents
        return True
