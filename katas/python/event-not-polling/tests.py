"""Hidden tests for event-not-polling: fetch_table is a fake download; every convert() is watched for wakeups."""
import asyncio

from katacheck import Check, case

TABLE = {"EUR": 0.5, "GBP": 0.25, "JPY": 150.0}  # not the starter's numbers: convert must use what was loaded
TOO_MANY = 50  # wakeups before the rates arrive after which a waiter is clearly polling


class Download:
    """The fake fetch_table: takes `seconds` of virtual time and notes the moment it hands the table over."""

    def __init__(self, k: Check, seconds):
        self.k = k
        self.seconds = seconds
        self.started = k.now()
        self.arrived = None  # virtual time the table was handed to load_rates
        self.calls = 0

    async def fetch_table(self):
        self.calls += 1
        await asyncio.sleep(self.seconds)
        self.arrived = self.k.now()
        return dict(TABLE)


class Watch:
    """Drives one convert() coroutine for its task and counts how often it is woken before the table
    arrives. `inner` lets the harness look through this wrapper to the learner's frames."""

    def __init__(self, k: Check, download, coro, call):
        self.k, self.download, self.inner, self.call = k, download, coro, call
        self.started = False
        self.early = 0
        self.line = None  # the learner's line convert was waiting at when it was woken early
        self.finished = None

    def _woken(self):
        if self.started and self.download.arrived is None:
            self.early += 1
            self.line = _waiting_line(self.k, self.inner)
            if self.early >= TOO_MANY:
                self.k.fail("wrong-result", _polling_message(self, aborted=True), _where(self.k, self.line))
        self.started = True

    def send(self, value):
        self._woken()
        try:
            return self.inner.send(value)
        except StopIteration:
            self.finished = self.k.now()
            raise

    def throw(self, *args):
        self._woken()
        try:
            return self.inner.throw(*args)
        except StopIteration:
            self.finished = self.k.now()
            raise

    def close(self):
        return self.inner.close()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)


def _waiting_line(k: Check, coro):
    """The innermost line of the learner's file that a suspended coroutine chain is waiting at."""
    filename = getattr(k.learner, "__file__", None)
    line = None
    for _ in range(100):
        if coro is None:
            break
        coro = getattr(coro, "inner", coro)  # through the harness's tracing wrapper
        frame = getattr(coro, "cr_frame", None)
        if frame is not None and frame.f_code.co_filename == filename:
            line = frame.f_lineno
        coro = getattr(coro, "cr_await", None)
    return line


def _where(k: Check, line):
    where = k.defined_at("convert")
    if where is None or line is None:
        return where
    return type(where)(where.file, line, where.function)


def _polling_message(watch, aborted=False):
    if not aborted:
        when = f"during the {watch.download.seconds * 1000:.0f} ms download"
    elif watch.k.now() == watch.download.started:
        when = "without any virtual time passing (a busy-wait)"
    else:
        when = f"in the first {(watch.k.now() - watch.download.started) * 1000:.0f} ms of the download"
    return (f"{watch.call} woke up {watch.early} times {when}, each time only to find the rates "
            "missing and go back to sleep: it polls. Make it wait on something load_rates "
            "signals, so that it sleeps until then and wakes up exactly once")


def _install(k: Check, seconds):
    download = Download(k, seconds)

    async def fetch_table():
        return await download.fetch_table()

    k.patch(k.learner, "fetch_table", fetch_table)
    return download


def _rates(k: Check):
    rates_class = getattr(k.learner, "Rates", None)
    if rates_class is None:
        k.fail("wrong-result", "your file no longer defines the Rates class; the tests build Rates() with it")
    return rates_class()


async def _wait_together(k: Check, download, rates, requests):
    """Start one convert task per (cents, currency) and load_rates, then check every convert."""
    convert = k.learner.convert
    load_rates = k.function("load_rates")
    watches = []
    for cents, currency in requests:
        call = f"convert(rates, {cents}, {currency!r})"
        watch = Watch(k, download, convert(rates, cents, currency), call)
        watches.append(watch)

    async def drive(watch):
        return await watch

    tasks = [asyncio.create_task(drive(w)) for w in watches]
    await asyncio.sleep(0)  # every convert starts waiting before the download begins
    loading = asyncio.create_task(load_rates(rates))
    results = await asyncio.gather(*tasks)
    await loading
    where = k.defined_at("convert")
    for watch, (cents, currency), got in zip(watches, requests, results):
        k.expect_value(got, round(cents * TABLE[currency]), watch.call, where)
    for watch in watches:
        late = watch.finished - download.arrived
        checks = f", after waking up {watch.early} times for nothing" if watch.early else ""
        k.expect(late <= 1e-9, "too-slow",
                 f"{watch.call} returned {late * 1000:.0f} ms after load_rates had stored the rates: "
                 f"it only noticed on its next check{checks}. It should continue at the very moment "
                 "they are stored", _where(k, watch.line) or where)
    for watch in watches:
        k.expect(watch.early == 0, "wrong-result", _polling_message(watch), _where(k, watch.line) or where)


@case("three waiting converts continue the moment the rates arrive", timeline=True)
async def three_waiters(k: Check):
    k.function("convert")
    download = _install(k, 0.25)
    k.trace(k.learner, "convert", label=lambda rates, cents, currency: f"convert({cents}, {currency})")
    k.trace(k.learner, "fetch_table", label=lambda: "fetch_table()")
    rates = _rates(k)
    await _wait_together(k, download, rates, [(1000, "EUR"), (1000, "GBP"), (3, "JPY")])


@case("a convert after loading returns at once")
async def after_loading(k: Check):
    convert = k.function("convert")
    download = _install(k, 0.25)
    rates = _rates(k)
    await k.function("load_rates")(rates)
    started = k.now()
    got = await convert(rates, 2000, "EUR")
    where = k.defined_at("convert")
    k.expect_value(got, 1000, "convert(rates, 2000, 'EUR') after load_rates", where)
    k.expect_elapsed(started, at_most=0, what="a convert once the rates are loaded", where=where)
    k.expect(download.calls == 1, "wrong-result",
             f"fetch_table was called {download.calls} times; load_rates downloads the rates once", where)


@case("a convert waits through a slow download without waking up")
async def slow_download(k: Check):
    k.function("convert")
    download = _install(k, 2.5)
    rates = _rates(k)
    await _wait_together(k, download, rates, [(400, "GBP")])
