"""Hidden tests for example-kata. TEMPLATE: replace the fakes and the cases with your own.

Rules (docs/authoring.md): the learner's file is `k.learner`; replace everything that would touch the
network or the disk with a fake that awaits asyncio.sleep (virtual time: 10 ms costs nothing and is
exact); never read the wall clock or a random source; raise every verdict through k.expect*/k.fail with
one of the diagnostic kinds, pointing at the learner's line (k.call_sites / k.defined_at)."""
import asyncio

from katacheck import Check, case

# TEMPLATE: the fake world. host -> (latency in seconds, is up); latencies differ so order bugs show.
HOSTS = {"db": (0.03, True), "cache": (0.01, True), "search": (0.02, False)}


class FakeNetwork:
    """Stands in for the network: answers after each host's latency and counts the calls."""

    def __init__(self):
        self.calls = []
        self.in_flight = 0
        self.most_in_flight = 0

    async def ping(self, host):
        latency, up = HOSTS[host]
        self.calls.append(host)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(latency)
        finally:
            self.in_flight -= 1
        return up


def _install(k: Check):
    # TEMPLATE: patch each function of the learner's module that your fakes replace, then trace it, so
    # the timeline shows every call and k.call_sites() can name the learner's line that made it.
    k.function("ping")  # must still exist and be async
    network = FakeNetwork()

    async def ping(host):
        return await network.ping(host)

    k.patch(k.learner, "ping", ping)
    k.trace(k.learner, "ping", label=lambda host: f"ping({host})")
    return network


async def _check_all(k: Check, network, hosts):
    check_all = k.function("check_all")
    started = k.now()
    got = await check_all(list(hosts))
    where = k.defined_at("check_all")
    k.expect_value(got, {h: HOSTS[h][1] for h in hosts}, f"check_all({list(hosts)})", where)
    k.expect(sorted(network.calls) == sorted(hosts), "wrong-result",
             f"ping was called for {network.calls}; each host must be pinged exactly once", where)
    return started


# TEMPLATE: one @case per requirement of the task; exactly one case has timeline=True.
@case("reports each host's status")
async def statuses(k: Check):
    network = _install(k)
    await _check_all(k, network, ["db", "search"])


@case("every host is pinged at once", timeline=True)
async def concurrent(k: Check):
    network = _install(k)
    hosts = list(HOSTS)
    started = await _check_all(k, network, hosts)
    sites = k.call_sites("ping")
    where = sites[0] if sites else k.defined_at("check_all")
    k.expect(network.most_in_flight == len(hosts), "too-slow",
             f"only {network.most_in_flight} of {len(hosts)} pings were in flight at once: each ping is awaited "
             "before the next one starts; start them all, then wait for them together", where)
    k.expect_elapsed(started, at_most=max(latency for latency, _ in HOSTS.values()),
                     what=f"checking {len(hosts)} hosts", where=where)


@case("no hosts, no waiting")
async def empty(k: Check):
    network = _install(k)
    started = await _check_all(k, network, [])
    k.expect_elapsed(started, at_most=0, what="checking no hosts", where=k.defined_at("check_all"))
