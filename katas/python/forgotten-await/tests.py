"""Hidden tests for forgotten-await."""
import asyncio
import functools

from katacheck import Check, case


def _spy(k: Check):
    """Wrap create_receipt so the test knows exactly which Receipt objects it produced."""
    made = {}
    real = k.function("create_receipt")

    @functools.wraps(real)  # keeps the name the learner knows in messages
    async def create_receipt(order_id):
        receipt = await real(order_id)
        made[order_id] = receipt
        return receipt

    k.patch(k.learner, "create_receipt", create_receipt)
    return made


def _expect_same(k: Check, got, made, order_id):
    where = k.defined_at("checkout")
    if order_id not in made:
        if asyncio.iscoroutine(got) or isinstance(got, asyncio.Future):
            k.expect_value(got, "a Receipt", f"checkout({order_id!r})", where)
        k.fail("wrong-result",
               f"checkout({order_id!r}) returned {got!r} without the Receipt of create_receipt ever "
               "being produced: the coroutine it made never ran", where)
    if got is not made[order_id]:
        k.expect_value(got, made[order_id], f"checkout({order_id!r})", where)
        k.fail("wrong-result",
               f"checkout({order_id!r}) returned an equal but different Receipt: return the very "
               "object create_receipt produced, not a new one", where)


@case("checkout returns the Receipt create_receipt made", timeline=True)
async def returns_the_receipt(k: Check):
    made = _spy(k)
    k.trace(k.learner, "create_receipt", label=lambda order_id: f"create_receipt({order_id})")
    checkout = k.function("checkout")
    got = await checkout("ORD-7")
    _expect_same(k, got, made, "ORD-7")


@case("three checkouts at once each get their own Receipt")
async def concurrent_checkouts(k: Check):
    made = _spy(k)
    checkout = k.function("checkout")
    orders = ["ORD-1", "ORD-2", "ORD-3"]
    results = await asyncio.gather(*(checkout(order) for order in orders))
    for order, got in zip(orders, results):
        _expect_same(k, got, made, order)
