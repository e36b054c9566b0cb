"""Hidden tests for gather-failure: fetch_report is replaced by a fake report service per region, some of
which are down (ReportUnavailable) or broken (a bug that must not pass for an outage)."""
import asyncio
import builtins

from katacheck import Check, case

# region -> (latency in seconds, revenue); deliberately not in latency order
REGIONS = {"north": (0.02, 120_000), "south": (0.005, 64_000), "east": (0.03, 87_000), "west": (0.01, 45_500)}
EPSILON = 1e-9


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


class FakeServices:
    """One report service per region: counts calls, in-flight fetches and cancellations."""

    def __init__(self, k: Check, down=(), broken=()):
        self.k = k
        self.report = getattr(k.learner, "Report", None)
        self.unavailable = getattr(k.learner, "ReportUnavailable", None)
        for name, value in (("Report", self.report), ("ReportUnavailable", self.unavailable)):
            if not isinstance(value, type):
                k.fail("wrong-result", f"your file no longer defines the {name} class; the tests use it")
        self.down = set(down)
        self.broken = set(broken)
        self.calls = []
        self.in_flight = []
        self.cancelled = []
        self.errors = {}  # region -> the exception its fetch raised

    async def fetch_report(self, region):
        latency, revenue = REGIONS[region]
        self.calls.append(region)
        self.in_flight.append(region)
        try:
            await asyncio.sleep(latency)
        except asyncio.CancelledError:
            self.cancelled.append(region)
            raise
        finally:
            self.in_flight.remove(region)
        if region in self.down:
            self.errors[region] = self.unavailable(region)
            raise self.errors[region]
        if region in self.broken:
            self.errors[region] = ValueError("invalid literal for int() with base 10: 'n/a'")
            raise self.errors[region]
        return self.report(region, revenue)

    def want(self, regions):
        return [self.report(r, REGIONS[r][1]) for r in regions if r not in self.down]


def _install(k: Check, down=(), broken=()):
    k.function("fetch_report")
    services = FakeServices(k, down, broken)

    async def fetch_report(region):
        return await services.fetch_report(region)

    k.patch(k.learner, "fetch_report", fetch_report)
    k.trace(k.learner, "fetch_report", label=lambda region: f"fetch_report({region})")
    return services


def _where(k: Check):
    sites = k.call_sites("fetch_report")
    return sites[0] if sites else k.defined_at("build_digest")


def _names(regions):
    return ", ".join(regions) if regions else "none"


async def _digest(k: Check, services, regions):
    """Run build_digest and judge the Digest it returns against the fake services."""
    build_digest = k.function("build_digest")
    started = k.now()
    got = await build_digest(list(regions))
    took = k.now() - started
    still_running = list(services.in_flight)
    what = f"build_digest({list(regions)})"
    where = _where(k)
    if not (hasattr(got, "reports") and hasattr(got, "failed")):
        k.expect_value(got, "a Digest", what, where)
        k.fail("wrong-result", f"{what} returned {got!r}: it must return a Digest with reports and failed", where)
    reports, failed = list(got.reports), list(got.failed)
    want_reports = services.want(regions)
    want_failed = [r for r in regions if r in services.down]
    if reports != want_reports:
        lost = [r for r in regions if r not in services.down and r not in [getattr(x, "region", None) for x in reports]]
        if still_running:
            first = min(services.errors, key=lambda r: REGIONS[r][0]) if services.errors else None
            cause = f" as soon as {first}'s fetch raised {type(services.errors[first]).__name__}" if first else ""
            had = [getattr(x, "region", repr(x)) for x in reports]
            k.fail("wrong-result",
                   f"{what} returned after {_ms(took)} with {'reports for ' + _names(had) if had else 'no reports'}"
                   f": it stopped waiting{cause}, while {_names(still_running)} were still being fetched, "
                   "so their reports were lost. Every region that answers must be in reports, and every "
                   "region that is down in failed", where)
        if services.cancelled:
            cancelled = [r for r in regions if r in services.cancelled]
            first = min(services.errors, key=lambda r: REGIONS[r][0]) if services.errors else "another region"
            k.fail("wrong-result",
                   f"{what} cancelled the fetches of {_names(cancelled)} when {first} failed, so their "
                   "reports were lost: one region being down must not cost the others", where)
        if any(isinstance(x, BaseException) for x in reports):
            bad = next(x for x in reports if isinstance(x, BaseException))
            k.fail("wrong-result",
                   f"{what} put the exception {bad!r} into reports: reports holds only Report objects; "
                   "a region that is down goes into failed, by name", where)
        if lost and services.errors:
            k.fail("wrong-result",
                   f"{what} has no report for {_names(lost)} although their services answered: keep every "
                   "result that arrived, even when another region failed", where)
        got_regions = [getattr(x, "region", repr(x)) for x in reports]
        want_regions = [x.region for x in want_reports]
        if sorted(got_regions) == sorted(want_regions) and got_regions != want_regions:
            k.fail("wrong-result",
                   f"{what} gave reports in the order {_names(got_regions)}; they must follow the order of "
                   f"the regions given: {_names(want_regions)}", where)
        k.expect_value(reports, want_reports, f"{what}.reports", where)
    if failed != want_failed:
        if any(isinstance(x, BaseException) for x in failed):
            k.fail("wrong-result",
                   f"{what}.failed holds exception objects ({failed!r}): list the region names instead, "
                   f"e.g. {want_failed!r}", where)
        k.fail("wrong-result",
               f"{what} gave failed = {failed!r}, expected {want_failed!r}: list every region whose service "
               "was down, by name, in the order of the regions given", where)
    if still_running:
        k.fail("wrong-result",
               f"{what} returned while {_names(still_running)} were still being fetched: wait for every "
               "fetch before returning the digest", where)
    if sorted(services.calls) != sorted(regions):
        k.fail("wrong-result",
               f"fetch_report was called for {services.calls}; fetch each region exactly once", where)
    return took


def _expect_concurrent(k: Check, regions, took):
    slowest = max((REGIONS[r][0] for r in regions), default=0.0)
    if took > slowest + EPSILON:
        k.fail("too-slow",
               f"building the digest of {len(regions)} regions took {_ms(took)}; with every fetch running "
               f"at the same time it takes {_ms(slowest)}, the slowest region's time", _where(k))


@case("every region answers: all reports, in region order, fetched at once")
async def all_answer(k: Check):
    services = _install(k)
    regions = ["north", "south", "east", "west"]
    took = await _digest(k, services, regions)
    _expect_concurrent(k, regions, took)


@case("one region down: the other reports survive", timeline=True)
async def one_down(k: Check):
    services = _install(k, down={"south"})
    regions = ["north", "south", "east", "west"]
    took = await _digest(k, services, regions)
    _expect_concurrent(k, regions, took)


@case("two regions down are both listed, in region order")
async def two_down(k: Check):
    services = _install(k, down={"east", "south"})
    regions = ["east", "north", "south", "west"]
    took = await _digest(k, services, regions)
    _expect_concurrent(k, regions, took)


def _bug_in(error, bug):
    """Whether `error` is the bug itself or an exception group that carries it."""
    if error is bug:
        return True
    group = getattr(builtins, "BaseExceptionGroup", None)
    return group is not None and isinstance(error, group) and any(_bug_in(e, bug) for e in error.exceptions)


@case("a bug in one fetch is raised, not reported as a region that is down")
async def bug_propagates(k: Check):
    services = _install(k, broken={"west"})
    regions = ["north", "south", "east", "west"]
    build_digest = k.function("build_digest")
    try:
        got = await build_digest(regions)
    except Exception as error:  # judged below; anything unexpected is reported with the learner's line
        if not _bug_in(error, services.errors.get("west")):
            raise
        return
    where = _where(k)
    bug = services.errors["west"]
    failed = list(getattr(got, "failed", []))
    if "west" in failed or any(e is bug for e in failed):
        k.fail("wrong-result",
               f"build_digest listed west as failed, but its fetch raised {type(bug).__name__}: {bug}. That "
               "is a bug in the code, not a region that is down: only ReportUnavailable means an outage, "
               "any other exception must propagate out of build_digest", where)
    k.fail("wrong-result",
           f"build_digest returned normally although west's fetch raised {type(bug).__name__}: {bug}. "
           "Only ReportUnavailable means a region is down; any other exception must propagate out of "
           "build_digest", where)


@case("no regions, an empty digest at once")
async def no_regions(k: Check):
    services = _install(k)
    took = await _digest(k, services, [])
    _expect_concurrent(k, [], took)
