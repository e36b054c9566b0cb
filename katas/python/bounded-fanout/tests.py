"""Hidden tests for bounded-fanout: render is replaced by a fake image service that accepts 4
connections at once, refuses any more, and records how many renders were in flight."""
import asyncio
import functools
import heapq
import os

from katacheck import Check, Failure, case

LIMIT = 4  # connections the fake image service accepts at once
WIDTH = 160

# photo -> render latency in seconds: uneven, so waiting for a whole batch wastes connections
ALBUM = {"img01": 0.04, "img02": 0.01, "img03": 0.03, "img04": 0.02, "img05": 0.02,
         "img06": 0.01, "img07": 0.04, "img08": 0.01, "img09": 0.03, "img10": 0.02}


class ServiceBusy(Exception):
    """The fake image service's answer to a connection over its limit."""


class FakeImageService:
    def __init__(self, k: Check, latencies):
        self.thumbnail = getattr(k.learner, "Thumbnail", None)
        if self.thumbnail is None:
            k.fail("wrong-result",
                   "your file no longer defines the Thumbnail class; the tests build thumbnails with it")
        self.latencies = latencies
        self.calls = []
        self.refused = []
        self.in_flight = 0
        self.most_in_flight = 0

    async def render(self, photo_id):
        self.calls.append(photo_id)
        if self.in_flight >= LIMIT:
            self.refused.append(photo_id)
            raise ServiceBusy(f"image service busy: {LIMIT} connections already open, "
                              f"render({photo_id!r}) refused")
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.latencies[photo_id])
        finally:
            self.in_flight -= 1
        return self.thumbnail(photo_id, WIDTH)


def _install(k: Check, latencies):
    service = FakeImageService(k, latencies)

    @functools.wraps(service.render)
    async def render(photo_id):
        return await service.render(photo_id)

    render.__qualname__ = render.__name__ = "render"
    k.patch(k.learner, "render", render)
    k.trace(k.learner, "render", label=lambda photo_id: f"render({photo_id})")
    return service


def _busiest_schedule(latencies, photo_ids):
    """When the last render ends if every photo, in this order, takes the first connection to come free."""
    free_at = [0.0] * LIMIT
    end = 0.0
    for photo_id in photo_ids:
        done = heapq.heappop(free_at) + latencies[photo_id]
        heapq.heappush(free_at, done)
        end = max(end, done)
    return end


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


async def _render_album(k: Check, latencies, photo_ids):
    service = _install(k, latencies)
    make_thumbnails = k.function("make_thumbnails")
    what = f"make_thumbnails({len(photo_ids)} photos)"
    started = k.now()
    try:
        got = await make_thumbnails(list(photo_ids))
    except ServiceBusy:
        sites = k.call_sites("render")
        k.fail("exception",
               f"{what} crashed with ServiceBusy: the image service refused render({service.refused[0]!r}) "
               f"because {LIMIT} renders were already in flight. It accepts at most {LIMIT} connections at "
               f"once, so at most {LIMIT} renders may run at the same time; the others have to wait for a "
               "free connection",
               sites[0] if sites else k.defined_at("make_thumbnails"))
    took = k.now() - started
    sites = k.call_sites("render")
    where = sites[0] if sites else k.defined_at("make_thumbnails")
    if service.refused:
        k.fail("exception",
               f"the image service refused {len(service.refused)} render calls (first render"
               f"({service.refused[0]!r})) because {LIMIT} were already in flight. Catching the error is "
               f"not enough: never start more than {LIMIT} renders at once", where)
    want = [service.thumbnail(p, WIDTH) for p in photo_ids]
    k.expect_value(got if not isinstance(got, tuple) else list(got), want, what, k.defined_at("make_thumbnails"))
    if sorted(service.calls) != sorted(photo_ids):
        k.fail("wrong-result",
               f"render was called {len(service.calls)} times for {len(photo_ids)} photos; render each "
               "photo exactly once", where)
    # In the order the renders really started: any order keeps every connection busy, if nothing waits
    # while a connection is free (and a start order that follows object addresses must not decide).
    best = _busiest_schedule(latencies, service.calls)
    usable = min(LIMIT, len(photo_ids))
    if service.most_in_flight < usable:
        most = service.most_in_flight
        count = "only 1 render was" if most == 1 else f"at most {most} renders were"
        k.fail("too-slow",
               f"{count} in flight at once, so {what} took "
               f"{_ms(took)}; the service allows {LIMIT} connections and with all of them busy it takes "
               f"{_ms(best)}. Limit the renders to {LIMIT} at a time, not fewer", where)
    if took > best + 1e-9:
        k.fail("too-slow",
               f"{what} took {_ms(took)}, but with every free connection put to work at once it takes "
               f"{_ms(best)}: a connection sat idle while photos were still waiting. Start the next photo "
               "as soon as any render finishes, instead of waiting for a whole group", where)
    k.expect_elapsed(started, at_least=best, what=what, where=where)


@case("three photos render side by side")
async def three_photos(k: Check):
    await _render_album(k, ALBUM, ["img01", "img02", "img03"])


@case("ten photos: 4 renders in flight, and a freed connection is reused at once", timeline=True)
async def ten_photos(k: Check):
    await _render_album(k, ALBUM, list(ALBUM))


@case("fifty photos never open more than 4 connections")
async def fifty_photos(k: Check):
    # uneven, as in the album: with equal renders, finishing order would be start order
    photos = {f"pic{n:02d}": 0.01 * (1 + n * 7 % 4) for n in range(1, 51)}
    await _render_album(k, photos, list(photos))


def _machine(k: Check, cores):
    """For this test, os reports what a machine with `cores` cores would (a check fixes its own at 4)."""
    k.patch(os, "cpu_count", lambda: cores)
    if hasattr(os, "process_cpu_count"):  # 3.13+
        k.patch(os, "process_cpu_count", lambda: cores)
    if hasattr(os, "sched_getaffinity"):
        k.patch(os, "sched_getaffinity", lambda pid: set(range(cores)))


@case("the limit is the service's, on a 2-core and on a 16-core machine")
async def any_machine(k: Check):
    for cores in (2, 16):
        _machine(k, cores)
        try:
            await _render_album(k, ALBUM, list(ALBUM))
        except Failure as failure:
            raise Failure(failure.kind,
                          f"on a machine with {cores} cores: {failure.message}. The service's limit is "
                          f"{LIMIT} connections, whatever the machine: don't size it by the CPU count",
                          failure.where) from None


@case("no photos, no renders")
async def no_photos(k: Check):
    await _render_album(k, ALBUM, [])
