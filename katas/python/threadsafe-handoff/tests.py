"""Hidden tests for threadsafe-handoff: SensorFeed is replaced by a fake SDK that really calls on_reading
from a thread of its own, every 10 ms of the loop's virtual time."""
import asyncio
import threading

from katacheck import Check, case

INTERVAL = 0.01  # the sensor delivers a reading every 10 ms
# sensor -> when its first 10 ms start: two feeds never deliver at the same virtual moment, where the order
# of their handoffs would rest on how the harness breaks a tie between their threads
PHASE = {"kitchen": 0.0, "garage": 0.003}
SCRIPTS = {  # what each fake sensor reports, in order
    "kitchen": [21.5, 21.75, 22.0, 22.25],
    "garage": [8.0, 7.5, 7.25, 7.0],
}


class FakeFeeds:
    """Makes the SensorFeed objects the learner's code creates; remembers them and their troubles.

    Each fake feed delivers its readings from a real thread of its own, paced by the loop's virtual
    clock: the thread waits until the loop reaches the time of the next reading (a timer on the loop
    opens a gate), like a sensor that produces readings in real time, whatever the consumer does."""

    def __init__(self, k: Check):
        self.reading = getattr(k.learner, "Reading", None)
        if self.reading is None:
            k.fail("wrong-result", "your file no longer defines the Reading class; the fake sensors build readings with it")
        self.loop = asyncio.get_running_loop()
        self.feeds = []
        outer = self

        class SensorFeed:
            def __init__(self, sensor, on_reading):
                self.sensor, self.on_reading = sensor, on_reading
                self.started = self.stopped = False
                self.errors = []
                self._gates = [threading.Event() for _ in SCRIPTS[sensor]]
                outer.feeds.append(self)

            def start(self):
                self.started = True
                outer.loop.call_soon_threadsafe(self._open_gates_in_time)
                threading.Thread(target=self._poll, name=f"feed-{self.sensor}", daemon=True).start()

            def stop(self):
                self.stopped = True
                for gate in self._gates:  # let the thread see the stop at once
                    gate.set()

            def _open_gates_in_time(self):
                now = outer.loop.time()
                for i, gate in enumerate(self._gates):
                    outer.loop.call_at(now + PHASE[self.sensor] + (i + 1) * INTERVAL, gate.set)

            def _poll(self):
                for gate, celsius in zip(self._gates, SCRIPTS[self.sensor]):
                    gate.wait()  # the sensor's next reading is due
                    if self.stopped:
                        return
                    try:
                        self.on_reading(outer.reading(self.sensor, celsius))
                    except BaseException as exc:  # a real SDK would log it and carry on; we keep it for the test
                        self.errors.append(exc)
                        return
                    # Wake the loop ourselves: a handoff that bypassed the loop (the bug this kata is about)
                    # is then noticed at once, so its verdict and timing don't depend on thread timing.
                    outer.loop.call_soon_threadsafe(_nothing)

        self.cls = SensorFeed


def _nothing():
    pass


def _install(k: Check):
    feeds = FakeFeeds(k)
    k.patch(k.learner, "SensorFeed", feeds.cls)
    return feeds


def _readings(feeds, sensor, count):
    return [feeds.reading(sensor, c) for c in SCRIPTS[sensor][:count]]


async def _read(k: Check, read, feeds, sensor, count):
    """read(sensor, count), with a deadline so a handoff that never arrives is explained."""
    where = k.defined_at("read_temperatures")
    try:
        return await asyncio.wait_for(read(sensor, count), timeout=1.0)
    except asyncio.TimeoutError:
        errors = [e for f in feeds.feeds if f.sensor == sensor for e in f.errors]
        if errors:
            exc = errors[0]
            k.fail("exception",
                   f"on_reading raised {type(exc).__name__}: {exc} on the feed's thread, so no reading reached "
                   "the coroutine. The callback runs on the SDK's own thread, where no event loop is running: "
                   "look up the loop in the coroutine, before the feed starts, and hand each reading to it in a "
                   "thread-safe way", where)
        k.fail("deadlock",
               f"read_temperatures({sensor!r}, {count}) was still waiting 1 s after the feed had delivered "
               "its readings: they never reached the coroutine", where)


def _expect_stopped(k: Check, feeds):
    for feed in feeds.feeds:
        if feed.started and not feed.stopped:
            k.fail("wrong-result",
                   f"the feed for {feed.sensor!r} was started but never stopped: stop it once the readings are in "
                   "(its thread would keep calling on_reading forever)", k.defined_at("read_temperatures"))


@case("readings from the feed's thread reach the coroutine in order")
async def three_readings(k: Check):
    feeds = _install(k)
    read = k.function("read_temperatures")
    got = await _read(k, read, feeds, "kitchen", 3)
    where = k.defined_at("read_temperatures")
    k.expect_value(got, _readings(feeds, "kitchen", 3), "read_temperatures('kitchen', 3)", where)
    _expect_stopped(k, feeds)


@case("the loop keeps running while it waits for two sensors", timeline=True)
async def two_sensors(k: Check):
    feeds = _install(k)
    k.function("read_temperatures")  # still an async def, before tracing wraps it
    k.trace(k.learner, "read_temperatures", label=lambda sensor, count: f"read_temperatures({sensor}, {count})")
    ticks = []

    async def heartbeat():
        for _ in range(8):
            await asyncio.sleep(INTERVAL / 2)
            ticks.append(k.now())

    started = k.now()
    beat = asyncio.ensure_future(heartbeat())
    read = k.learner.read_temperatures
    kitchen, garage = await asyncio.gather(_read(k, read, feeds, "kitchen", 4), _read(k, read, feeds, "garage", 2))
    where = k.defined_at("read_temperatures")
    k.expect_value(kitchen, _readings(feeds, "kitchen", 4), "read_temperatures('kitchen', 4)", where)
    k.expect_value(garage, _readings(feeds, "garage", 2), "read_temperatures('garage', 2)", where)
    took = k.now() - started
    k.expect(took <= 4 * INTERVAL + 1e-9, "too-slow",
             f"the last reading was delivered at 40 ms, but read_temperatures returned only after "
             f"{took * 1000:.0f} ms: each reading should reach the coroutine as soon as the feed delivers it "
             "(is the loop woken up when one arrives?)", where)
    await beat
    due = int((took + 1e-9) / (INTERVAL / 2))
    ticked = len([t for t in ticks if t <= started + took + 1e-9])
    k.expect(ticked >= due, "too-slow",
             f"a heartbeat task that should tick every 5 ms ticked only {ticked} times in {took * 1000:.0f} ms, "
             f"not {due}: the event loop was blocked while waiting for readings", where)
    _expect_stopped(k, feeds)
