"""Hidden tests for race-across-await: authorize is replaced by a fake payment processor with a 10 ms
round trip. Virtual time makes the interleaving of concurrent redemptions the same on every run."""
import asyncio
import inspect

from katacheck import Check, case

LATENCY = 0.01  # one round trip to the payment processor


class FakeProcessor:
    """Moves money after a round trip; refuses the cards in `declining`. Notes every charge."""

    def __init__(self, declined):
        self.declined = declined
        self.declining = set()
        self.charges = []  # (card code, cents), in the order the money moved

    async def authorize(self, card_code, cents):
        await asyncio.sleep(LATENCY)
        if card_code in self.declining:
            raise self.declined(f"card {card_code} refused")
        self.charges.append((card_code, cents))


def _install(k: Check):
    declined = getattr(k.learner, "Declined", None)
    if not (isinstance(declined, type) and issubclass(declined, BaseException)):
        k.fail("wrong-result", "your file no longer defines the Declined exception; the fake processor raises it")
    processor = FakeProcessor(declined)

    async def authorize(card_code, cents):
        await processor.authorize(card_code, cents)

    authorize.__qualname__ = authorize.__name__ = "authorize"
    k.patch(k.learner, "authorize", authorize)
    k.trace(k.learner, "authorize", label=lambda card_code, cents: f"authorize({card_code}, {cents})")
    return processor


def _card(k: Check, code, cents):
    cls = getattr(k.learner, "GiftCard", None)
    if not isinstance(cls, type):
        k.fail("wrong-result", "your file no longer defines the GiftCard class; the tests create cards with it")
    if not inspect.iscoroutinefunction(getattr(cls, "redeem", None)):
        k.fail("wrong-result", "GiftCard.redeem must stay an `async def`: the shop awaits it")
    return cls(code, cents)


def _redeem_at(k: Check):
    """Where GiftCard.redeem is defined (k.defined_at finds module-level names: lend it one)."""
    method = inspect.getattr_static(getattr(k.learner, "GiftCard", object), "redeem", None)
    if method is None:
        return None
    k.patch(k.learner, "GiftCard.redeem", method)
    return k.defined_at("GiftCard.redeem")


def _where(k: Check):
    """The learner's line that awaits authorize: the suspension point the race goes through."""
    sites = k.call_sites("authorize")
    return sites[0] if sites else _redeem_at(k)


async def _together(k: Check, calls):
    try:
        return await asyncio.gather(*calls)
    except RuntimeError as exc:
        if "bound to a different event loop" not in str(exc):
            raise
        k.fail("exception",
               "RuntimeError: the lock is bound to a different event loop. That lock is shared by every GiftCard (it was created once, at import "
               "time or in the class body), so it belongs to the first event loop that ever waited on it; "
               "each test here runs on a fresh loop, as each asyncio.run() would. A lock shared by all cards "
               "also makes every card wait for every other one: give each card its own lock", _redeem_at(k))


def _amounts(values):
    return ", ".join(str(v) for v in values)


def _expect_balance(k: Check, card, want, after, why=""):
    if card.balance_cents != want:
        k.fail("wrong-result",
               f"after {after}, the balance is {card.balance_cents!r} cents, expected {want}{why}", _redeem_at(k))


@case("one redemption pays and updates the balance")
async def one_redemption(k: Check):
    processor = _install(k)
    card = _card(k, "GC-1", 100)
    started = k.now()
    ok = await card.redeem(30)
    where = _redeem_at(k)
    k.expect_value(ok, True, "redeem(30) on a card holding 100 cents", where)
    _expect_balance(k, card, 70, "redeem(30) from 100 cents")
    k.expect_value(processor.charges, [("GC-1", 30)], "the processor's charges after redeem(30)", where)
    k.expect_elapsed(started, at_least=LATENCY, at_most=LATENCY, what="one redemption", where=where)
    ok = await card.redeem(500)
    k.expect_value(ok, False, "redeem(500) on a card holding 70 cents", where)
    _expect_balance(k, card, 70, "a refused redeem(500)")
    k.expect_value(processor.charges, [("GC-1", 30)], "the processor's charges after a refused redemption",
                   where)


@case("three redemptions at once never overspend the card", timeline=True)
async def three_at_once(k: Check):
    processor = _install(k)
    card = _card(k, "GC-2", 100)
    amounts = [60, 30, 50]
    results = await _together(k, [card.redeem(cents) for cents in amounts])
    where = _where(k)
    for cents, ok in zip(amounts, results):
        if not isinstance(ok, bool):
            k.expect_value(ok, True, f"redeem({cents})", _redeem_at(k))
    approved = [cents for cents, ok in zip(amounts, results) if ok]
    refused = [cents for cents, ok in zip(amounts, results) if not ok]
    charged = sorted(cents for code, cents in processor.charges)
    if sum(approved) > 100:
        k.fail("wrong-result",
               f"three redemptions of {_amounts(amounts)} cents started at once on a card holding 100 cents, and "
               f"{_amounts(approved)} were all approved: {sum(approved)} cents paid from 100 (the balance now "
               f"says {card.balance_cents}). Each one checked the balance, then paused at the await while the "
               "others checked the same, not yet reduced balance", where)
    if charged != sorted(approved):
        k.fail("wrong-result",
               f"the processor charged {_amounts(charged) or 'nothing'} cents, but redeem approved "
               f"{_amounts(approved) or 'nothing'}: every approved redemption must be charged exactly once",
               where)
    if card.balance_cents != 100 - sum(approved):
        k.fail("wrong-result",
               f"{_amounts(approved)} cents were charged from 100, so the balance should be "
               f"{100 - sum(approved)}, but it is {card.balance_cents}: a redemption wrote back a balance it had "
               "read before its await, wiping out what the others had taken meanwhile", where)
    for cents in refused:
        if cents <= card.balance_cents:
            k.fail("wrong-result",
                   f"redeem({cents}) was refused although the card still holds {card.balance_cents} cents: "
                   "a redemption that finds the card busy should wait its turn, not give up", where)


@case("a declined payment leaves the balance alone")
async def declined(k: Check):
    processor = _install(k)
    card = _card(k, "GC-3", 100)
    where = _redeem_at(k)
    processor.declining.add("GC-3")
    try:
        got = await card.redeem(40)
    except processor.declined:
        pass
    else:
        k.fail("wrong-result",
               f"redeem(40) returned {got!r} when the processor declined the charge; let Declined propagate "
               "to the caller", where)
    _expect_balance(k, card, 100, "a declined redeem(40)",
                    ": no money moved, so the card must keep all of it")
    processor.declining.clear()
    try:
        ok = await asyncio.wait_for(card.redeem(40), timeout=1.0)
    except asyncio.TimeoutError:
        k.fail("deadlock",
               "after a declined payment, the next redeem(40) on the same card waited forever: the declined "
               "redemption left the card locked; release the lock on every way out, exceptions included",
               where)
    k.expect_value(ok, True, "redeem(40) once the processor accepts again", where)
    _expect_balance(k, card, 60, "the accepted redeem(40)")


@case("redemptions on different cards don't wait for each other")
async def two_cards(k: Check):
    _install(k)
    first, second = _card(k, "GC-4", 100), _card(k, "GC-5", 100)
    started = k.now()
    results = await _together(k, [first.redeem(60), second.redeem(60)])
    where = _redeem_at(k)
    k.expect_value(list(results), [True, True], "redeem(60) on two different cards at once", where)
    _expect_balance(k, first, 40, "redeem(60) on one of two cards")
    _expect_balance(k, second, 40, "redeem(60) on the other card")
    took = k.now() - started
    k.expect(took <= LATENCY + 1e-9, "too-slow",
             f"redeeming on two different cards at once took {took * 1000:.0f} ms instead of "
             f"{LATENCY * 1000:.0f}: one card waited for the other; only redemptions of the same card need to "
             "take turns", _where(k))
