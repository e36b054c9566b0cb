"""Hidden tests for blocking-sleep."""
import asyncio
import functools

from katacheck import Check, case

WAIT = 0.01  # each health check waits 10 ms for its endpoint
# probe -> how much later than its 10 ms its endpoint answers: the later probes answer first, so names
# returned in the order the checks finish can't pass for probe order (with equal waits they would)
LATE = {"db": 0.004, "cache": 0.003, "queue": 0.002, "search": 0.001, "auth": 0.0}


def _probes(k: Check, names):
    probe = getattr(k.learner, "Probe", None)
    if probe is None:
        k.fail("wrong-result", "your file no longer defines the Probe class; the tests build probes with it")
    return [probe(name) for name in names]


@case("one check waits 10 ms without blocking the loop")
async def one_check(k: Check):
    check = k.function("check")
    (probe,) = _probes(k, ["db"])
    started = k.now()
    got = await check(probe)
    where = k.defined_at("check")
    k.expect_value(got, "db", "check(Probe('db'))", where)
    k.expect_elapsed(started, at_least=WAIT, at_most=WAIT, what="one check", where=where)


@case("five probes take 10 ms in total", timeline=True)
async def five_probes(k: Check):
    check_all = k.function("check_all")
    k.trace(k.learner, "check", label=lambda probe: f"check({getattr(probe, 'name', probe)})")
    names = ["db", "cache", "queue", "search", "auth"]
    started = k.now()
    got = await check_all(_probes(k, names))
    # Equal waits finish together, so here any order of the five names will do: probe_order judges it.
    if not (isinstance(got, list) and sorted(map(repr, got)) == sorted(map(repr, names))):
        k.expect_value(got, names, "check_all(five probes)", k.defined_at("check_all"))
    sites = k.call_sites("check")
    where = sites[0] if sites else k.defined_at("check_all")
    k.expect_elapsed(started, at_least=WAIT, at_most=WAIT, what="checking five probes", where=where)


@case("the names come back in probe order, whichever endpoint answers first")
async def probe_order(k: Check):
    check_all = k.function("check_all")
    real = k.function("check")

    @functools.wraps(real)  # keeps the name the learner knows in messages
    async def check(probe):
        name = await real(probe)
        await asyncio.sleep(LATE.get(getattr(probe, "name", None), 0.0))  # this endpoint answers later
        return name

    k.patch(k.learner, "check", check)
    names = list(LATE)
    got = await check_all(_probes(k, names))
    where = k.defined_at("check_all")
    if isinstance(got, list) and got != names and sorted(map(repr, got)) == sorted(map(repr, names)):
        k.fail("wrong-result",
               f"check_all(five probes) returned {got}, expected {names}: the names must come back in the "
               "order of the probes, not in the order their checks finish", where)
    k.expect_value(got, names, "check_all(five probes, the last one answering first)", where)


@case("no probes, no waiting")
async def no_probes(k: Check):
    check_all = k.function("check_all")
    started = k.now()
    got = await check_all([])
    where = k.defined_at("check_all")
    k.expect_value(got, [], "check_all([])", where)
    k.expect_elapsed(started, at_most=0, what="checking no probes", where=where)
