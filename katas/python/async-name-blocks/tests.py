"""Hidden tests for async-name-blocks: every call gets the tests' own store, a stand-in for the SDK with
the same two methods: async_upload (a plain def that blocks for its request) and upload (a coroutine)."""
import asyncio
import time

from katacheck import Check, case

REQUEST = 0.02  # each upload is one 20 ms HTTP request
TICK = 0.005  # a heartbeat task ticks every 5 ms while an upload runs
# photo -> its request time in album_order: the later photos finish first, so paths returned in the order
# the uploads finish can't pass for album order (with equal requests they would)
STAGGERED = {"img1.jpg": 0.02, "img2.jpg": 0.016, "img3.jpg": 0.012, "img4.jpg": 0.008, "img5.jpg": 0.004}


class PhotoStore:
    """A stand-in with the SDK's two methods; remembers what was uploaded and whether a request ran on
    the event loop's own thread."""

    def __init__(self, requests=None):
        self.uploaded = []
        self.on_loop_thread = 0
        self.requests = requests or {}  # name -> request time, where it is not REQUEST

    def async_upload(self, name, data):
        try:
            asyncio.get_running_loop()
            self.on_loop_thread += 1
        except RuntimeError:  # a worker thread: no loop runs here, so nothing is frozen
            pass
        time.sleep(self.requests.get(name, REQUEST))  # the HTTP request, made the blocking way
        self.uploaded.append((name, bytes(data)))
        return f"photos/{name}"

    async def upload(self, name, data):
        await asyncio.sleep(self.requests.get(name, REQUEST))  # the HTTP request, on an async connection
        self.uploaded.append((name, bytes(data)))
        return f"photos/{name}"


def _expect_uploaded(k: Check, store, photos, where):
    want = sorted((name, bytes(data)) for name, data in photos.items())
    if sorted(store.uploaded) != want:
        got = sorted(name for name, _ in store.uploaded)
        k.fail("wrong-result",
               f"the store received {got}, expected each of {sorted(photos)} exactly once with its own "
               "bytes: every photo must really be uploaded through the store", where)


@case("one upload leaves the event loop free for other tasks")
async def loop_stays_free(k: Check):
    upload_photo = k.function("upload_photo")
    store = PhotoStore()
    ticks = []

    async def heartbeat():
        while True:
            await asyncio.sleep(TICK)
            ticks.append(k.now())

    beat = asyncio.create_task(heartbeat())
    started = k.now()
    try:
        got = await upload_photo(store, "cat.jpg", b"\xff\xd8cat")
    finally:
        beat.cancel()
    where = k.defined_at("upload_photo")
    k.expect_value(got, "photos/cat.jpg", "upload_photo(store, 'cat.jpg', ...)", where)
    _expect_uploaded(k, store, {"cat.jpg": b"\xff\xd8cat"}, where)
    k.expect_elapsed(started, at_least=REQUEST, at_most=REQUEST, what="one upload", where=where)
    during = [t for t in ticks if t < started + REQUEST]
    k.expect(len(during) >= 3, "blocking-call",
             f"a heartbeat task that ticks every 5 ms ticked {len(during)} times during the 20 ms upload, "
             "expected 3: while the upload ran, the event loop could run no other task. Look at what "
             "upload_photo calls, and how that method is defined, not how it is named", where)


@case("five photos upload at the same time", timeline=True)
async def album_overlaps(k: Check):
    upload_album = k.function("upload_album")
    k.trace(k.learner, "upload_photo", label=lambda store, name, data: f"upload_photo({name})")
    store = PhotoStore()
    photos = {f"img{i}.jpg": bytes([i]) * 3 for i in range(1, 6)}
    started = k.now()
    got = await upload_album(store, photos)
    where = k.defined_at("upload_album")
    got = list(got) if isinstance(got, tuple) else got
    want = [f"photos/{name}" for name in photos]
    # Equal requests finish together, so here any order of the paths will do: album_order judges it.
    if not (isinstance(got, list) and sorted(map(repr, got)) == sorted(map(repr, want))):
        k.expect_value(got, want, "upload_album(store, five photos)", where)
    _expect_uploaded(k, store, photos, where)
    took = k.now() - started
    sites = k.call_sites("upload_photo")
    where = sites[0] if sites else where
    if store.on_loop_thread:
        why = ("each request held the event loop until it was done, so no other upload could start "
               "meanwhile. A call lets other tasks run only if it is awaited and really suspends")
    else:
        why = "each upload was awaited before the next one started; start them all, then await them together"
    k.expect(took <= REQUEST + 1e-9, "too-slow",
             f"uploading five photos took {took * 1000:.0f} ms of virtual time, expected 20 ms: the five "
             f"requests did not overlap: {why}", where)
    k.expect_elapsed(started, at_least=REQUEST, what="uploading five photos", where=where)


@case("the paths come back in album order, whichever upload finishes first")
async def album_order(k: Check):
    upload_album = k.function("upload_album")
    store = PhotoStore(STAGGERED)
    photos = {name: name.encode() for name in STAGGERED}
    got = await upload_album(store, photos)
    where = k.defined_at("upload_album")
    got = list(got) if isinstance(got, tuple) else got
    want = [f"photos/{name}" for name in photos]
    if isinstance(got, list) and got != want and sorted(map(repr, got)) == sorted(map(repr, want)):
        k.fail("wrong-result",
               f"upload_album(store, five photos) returned {got}, expected {want}: the paths must come back "
               "in album order, not in the order the uploads finish", where)
    k.expect_value(got, want, "upload_album(store, five photos, the last one finishing first)", where)
    _expect_uploaded(k, store, photos, where)


@case("an empty album uploads nothing")
async def empty_album(k: Check):
    upload_album = k.function("upload_album")
    store = PhotoStore()
    started = k.now()
    got = await upload_album(store, {})
    where = k.defined_at("upload_album")
    k.expect_value(got if not isinstance(got, tuple) else list(got), [], "upload_album(store, {})", where)
    _expect_uploaded(k, store, {}, where)
    k.expect_elapsed(started, at_most=0, what="uploading no photos", where=where)
