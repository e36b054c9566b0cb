"""Hidden tests for blocking-io-to-thread: real files in a temporary folder, and a fake storage server in
place of put_object that blocks whichever thread calls it for 50 ms, as the real HTTP PUT would."""
import contextlib
import inspect
import shutil
import tempfile
import time
from pathlib import Path

from katacheck import Check, case

UPLOAD = 0.05  # one PUT round trip: 50 ms
SIZES = {"2024-01.csv": 1200, "2024-02.csv": 800, "2024-03.csv": 2500, "2024-04.csv": 40}


def _content(name):
    return (name.encode() * SIZES[name])[: SIZES[name]]


@contextlib.contextmanager
def _files(names):
    folder = Path(tempfile.mkdtemp(prefix="backup-"))
    try:
        paths = []
        for name in names:
            path = folder / name
            path.write_bytes(_content(name))
            paths.append(path)
        yield paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class FakeStorage:
    """Stands in for the storage server: blocks the calling thread for the round trip, keeps what it got."""

    def __init__(self, failing=()):
        self.received = {}
        self.failing = set(failing)
        self.errors = {}

    def put_object(self, name, data):
        time.sleep(UPLOAD)
        if name in self.failing:
            error = ConnectionError(f"the storage server reset the connection while receiving {name}")
            self.errors[name] = error
            raise error
        self.received[name] = bytes(data)


def _install(k: Check, failing=()):
    storage = FakeStorage(failing)
    k.patch(k.learner, "put_object", storage.put_object)
    return storage


def _upload(k: Check, name):
    upload = getattr(k.learner, "Upload", None)
    if upload is None:
        k.fail("wrong-result", "your file no longer defines the Upload class; the tests build uploads with it")
    return upload(name, SIZES[name])


def _expect_waited(k: Check, started, what, where):
    """The upload takes 50 ms: returning sooner means back_up did not wait for it to finish."""
    took = k.now() - started
    if took < UPLOAD - 1e-9:
        k.fail("too-fast",
               f"{what} returned after {took * 1000:.0f} ms, before the 50 ms upload had finished: await "
               "the upload, so that back_up ends only once the file is stored (and sees its errors)", where)
    k.expect_elapsed(started, at_most=UPLOAD, what=what, where=where)


def _expect_stored(k: Check, storage, names, where):
    for name in names:
        if name not in storage.received:
            k.fail("wrong-result", f"{name} never reached put_object: every file must be uploaded", where)
        got = storage.received[name]
        if got != _content(name):
            k.fail("wrong-result",
                   f"put_object received {len(got)} bytes for {name}, not the {SIZES[name]} bytes of the file",
                   where)


@case("one backup reads the file and uploads it in 50 ms")
async def one_backup(k: Check):
    back_up = k.function("back_up")
    storage = _install(k)
    with _files(["2024-01.csv"]) as (path,):
        started = k.now()
        got = await back_up(path)
    where = k.defined_at("back_up")
    k.expect_value(got, _upload(k, "2024-01.csv"), "back_up(2024-01.csv)", where)
    _expect_waited(k, started, "back_up(2024-01.csv)", where)
    _expect_stored(k, storage, ["2024-01.csv"], where)


@case("four backups upload at the same time", timeline=True)
async def four_at_once(k: Check):
    back_up_all = k.function("back_up_all")
    storage = _install(k)
    k.trace(k.learner, "back_up", label=lambda path: f"back_up({getattr(path, 'name', path)})")
    names = list(SIZES)
    with _files(names) as paths:
        started = k.now()
        got = await back_up_all(paths)
    k.expect_value(got, [_upload(k, name) for name in names], "back_up_all(four files)",
                   k.defined_at("back_up_all"))
    where = k.defined_at("back_up")
    _expect_waited(k, started, "back_up_all(four files)", where)
    _expect_stored(k, storage, names, where)


@case("a failed upload raises its error from back_up")
async def failed_upload(k: Check):
    back_up = k.function("back_up")
    name = "2024-03.csv"
    storage = _install(k, failing=[name])
    where = k.defined_at("back_up")
    with _files([name]) as (path,):
        started = k.now()
        try:
            got = await back_up(path)
        except ConnectionError as exc:
            k.expect(exc is storage.errors.get(name), "wrong-result",
                     f"back_up({name}) raised a ConnectionError of its own; let the one put_object raised "
                     "reach the caller", where)
        else:
            if inspect.isawaitable(got):
                k.expect_value(got, "the ConnectionError put_object raised", f"back_up({name})", where)
            k.fail("wrong-result",
                   f"back_up({name}) returned {got!r} although put_object raised ConnectionError: the "
                   "upload failed, so the caller must see that error (await the upload and let it raise)",
                   where)
    _expect_waited(k, started, f"back_up({name})", where)
