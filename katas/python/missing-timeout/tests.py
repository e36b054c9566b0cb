"""Hidden tests for missing-timeout: ping is replaced by a fake network in which some hosts never answer."""
import asyncio
import functools
import sys

from katacheck import Check, case

TIMEOUT = 2.0  # what the task promises: a host gets 2 s to answer
GUARD = 30.0  # virtual seconds the tests wait before they call a check hung
NEVER = 3600.0  # a dead host: the request just sits there for an hour of virtual time
EPS = 1e-9

# host -> (latency in seconds, or None for a host that never answers; what its health endpoint says)
NETWORK = {
    "api": (0.01, True),
    "db": (0.02, False),
    "reports": (1.5, True),  # slow, but inside the limit
    "legacy": (None, True),
    "mainframe": (None, True),
}


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def _state(host):
    latency, healthy = NETWORK[host]
    if latency is None:
        return "timeout"
    return "up" if healthy else "down"


class FakeNetwork:
    """Stands in for the hosts: remembers every ping, and whether and when it was answered or cancelled."""

    def __init__(self, k: Check):
        self.k = k
        self.calls = []  # one [host, "waiting" | "answered" | "cancelled", virtual time] per ping

    async def ping(self, host):
        latency, healthy = NETWORK[host]
        call = [host, "waiting", None]
        self.calls.append(call)
        try:
            await asyncio.sleep(NEVER if latency is None else latency)
        except asyncio.CancelledError:
            call[1], call[2] = "cancelled", self.k.now()
            raise
        call[1], call[2] = "answered", self.k.now()
        return healthy


def _install(k: Check):
    network = FakeNetwork(k)

    @functools.wraps(network.ping)
    async def ping(host):
        return await network.ping(host)

    ping.__qualname__ = ping.__name__ = "ping"
    k.patch(k.learner, "ping", ping)
    k.trace(k.learner, "ping", label=lambda host: f"ping({host})")
    return network


def _status(k: Check, host):
    status = getattr(k.learner, "Status", None)
    if status is None:
        k.fail("wrong-result", "your file no longer defines the Status class; the tests build statuses with it")
    return status(host, _state(host))


def _ping_site(k: Check):
    sites = k.call_sites("ping")
    return sites[0] if sites else k.defined_at("check_host")


async def _guarded(k: Check, coro, what, dead):
    """Await the learner's coroutine, but give up after GUARD virtual seconds and say why."""
    task = asyncio.ensure_future(coro)
    done, _ = await asyncio.wait({task}, timeout=GUARD)
    if not done:
        task.cancel()
        await asyncio.wait({task}, timeout=1)
        where = _ping_site(k)
        at = f" at {where.text()}" if where else ""
        k.fail("timeout",
               f"{what} was still waiting after {GUARD:g} s of virtual time: {dead} never answers, and "
               f"the await of ping{at} never gives up on it, so one dead host hangs the whole check. "
               f"After TIMEOUT ({TIMEOUT:g} s) the host should count as 'timeout'",
               where)
    try:
        return task.result()
    except asyncio.TimeoutError:  # the same class as the builtin TimeoutError from 3.11
        note = ""
        if sys.version_info < (3, 11):
            note = ("; careful on Python 3.10: asyncio.wait_for raises asyncio.TimeoutError, which is not "
                    "the builtin TimeoutError there (they are one class only from 3.11), so "
                    "`except TimeoutError` does not catch it")
        k.fail("exception",
               f"{what} raised TimeoutError instead of returning a Status with state 'timeout': catch "
               f"the timeout inside check_host and turn it into that result{note}",
               k.defined_at("check_host"))


def _expect_at(k: Check, started, want, what, why, where):
    took = k.now() - started
    if took > want + EPS:
        k.fail("too-slow", f"{what} arrived after {_ms(took)} of virtual time; {why}, so it should arrive "
               f"after {_ms(want)}", where)
    if took < want - EPS:
        k.fail("too-fast", f"{what} arrived after only {_ms(took)} of virtual time; {why}, so it should "
               f"arrive after {_ms(want)}", where)


def _expect_cancelled(k: Check, network, what):
    """Every ping of a dead host must have been cancelled exactly when its limit ran out."""
    where = _ping_site(k)
    for host, state, when in network.calls:
        if NETWORK[host][0] is not None:
            continue
        if state == "waiting":
            k.fail("unretrieved",
                   f"{what} gave up on {host}, but its ping was still running afterwards: it was left "
                   "behind as a task nobody owns, holding its connection open. Cancel the call you "
                   "gave up on (asyncio.wait_for and asyncio.timeout do that for you)", where)
        if abs(when - TIMEOUT) > EPS:
            k.fail("wrong-result", f"the ping of {host} was cancelled at {_ms(when)}; it should be "
                   f"cancelled when its {TIMEOUT:g} s ran out", where)


@case("hosts that answer are up or down, as soon as they answer")
async def answering_hosts(k: Check):
    network = _install(k)
    check_host = k.function("check_host")
    where = k.defined_at("check_host")
    for host in ["api", "db", "reports"]:
        what = f"check_host({host!r})"
        started = k.now()
        got = await _guarded(k, check_host(host), what, host)
        want = _status(k, host)
        if getattr(got, "state", None) == "timeout":
            k.fail("wrong-result",
                   f"{what} returned {got!r}, expected {want!r}: {host} answers after "
                   f"{_ms(NETWORK[host][0])}, inside the {TIMEOUT:g} s limit (TIMEOUT); give up only "
                   "after TIMEOUT seconds", where)
        k.expect_value(got, want, what, where)
        _expect_at(k, started, NETWORK[host][0], f"the result of {what}",
                   f"{host} answers after {_ms(NETWORK[host][0])}", where)
    if len(network.calls) != 3:
        k.fail("wrong-result", f"ping was called {len(network.calls)} times for 3 checks; ping each host "
               "once per check", _ping_site(k))


@case("a host that never answers times out after exactly 2 s")
async def dead_host(k: Check):
    network = _install(k)
    check_host = k.function("check_host")
    what = "check_host('legacy')"
    started = k.now()
    got = await _guarded(k, check_host("legacy"), what, "legacy")
    where = k.defined_at("check_host")
    k.expect_value(got, _status(k, "legacy"), what, where)
    _expect_at(k, started, TIMEOUT, f"the result of {what}",
               f"a host gets TIMEOUT ({TIMEOUT:g} s) to answer", where)
    for _ in range(3):  # a cancel() is delivered on the loop's next turns: let it land
        await asyncio.sleep(0)
    _expect_cancelled(k, network, what)


@case("dead hosts time out together while the others report", timeline=True)
async def mixed_hosts(k: Check):
    network = _install(k)
    check_all = k.function("check_all")
    hosts = ["api", "legacy", "db", "reports", "mainframe"]
    what = f"check_all({hosts})"
    started = k.now()
    got = await _guarded(k, check_all(hosts), what, "legacy")
    got = list(got) if isinstance(got, tuple) else got
    want = [_status(k, h) for h in hosts]
    if isinstance(got, list) and got != want and sorted(map(repr, got)) == sorted(map(repr, want)):
        # Named by the first misplaced status only: the two dead hosts time out at the same moment, and
        # in a list of statuses in finishing order theirs come in whichever order their checks started.
        index = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)
        k.fail("wrong-result",
               f"{what} returned the right statuses in another order: {got[index]!r} at position {index}, "
               f"expected {want[index]!r}. Return them in the order of the hosts given, not in the order "
               "the checks finish", k.defined_at("check_all"))
    k.expect_value(got, want, what, k.defined_at("check_all"))
    _expect_at(k, started, TIMEOUT, f"the result of {what}",
               "the two dead hosts wait out their limits at the same time", _ping_site(k))
    for _ in range(3):
        await asyncio.sleep(0)
    _expect_cancelled(k, network, what)
