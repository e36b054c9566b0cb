# expect: fail deadlock
# Uses a threading.Lock: the second redemption blocks the event loop's thread while the first holds it across an await.
import asyncio
import threading


class Declined(Exception):
    """The payment processor refused the charge."""


async def authorize(card_code: str, cents: int) -> None:
    """Ask the payment processor to move the money; raises Declined if it refuses."""
    await asyncio.sleep(0.01)  # pretend network round trip


class GiftCard:
    def __init__(self, code: str, balance_cents: int) -> None:
        self.code = code
        self.balance_cents = balance_cents
        self._lock = threading.Lock()

    async def redeem(self, cents: int) -> bool:
        """Pay `cents` with this card. False if the balance is too low."""
        with self._lock:
            balance = self.balance_cents
            if cents > balance:
                return False
            await authorize(self.code, cents)
            self.balance_cents = balance - cents
            return True
