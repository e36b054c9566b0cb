"""Hidden tests for request-coalescing: fetch_profile is replaced by a fake profile service with its own
latency per user, which counts every call and can be told to fail a user's next call."""
import asyncio
import inspect

from katacheck import Check, case

LATENCY = {"ann": 0.05, "bob": 0.03, "cy": 0.04, "dan": 0.02, "eve": 0.06}
EPSILON = 1e-9


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def _times(n):
    return "once" if n == 1 else f"{n} times"


class FakeService:
    """Stands in for the profile service: answers after LATENCY[user], notes every call."""

    def __init__(self, k: Check):
        self.k = k
        self.profile = getattr(k.learner, "Profile", None)
        self.error = getattr(k.learner, "BackendError", None)
        if not isinstance(self.profile, type):
            k.fail("wrong-result", "your file no longer defines the Profile class; the fake service builds profiles with it")
        if not (isinstance(self.error, type) and issubclass(self.error, Exception)):
            k.fail("wrong-result", "your file no longer defines the BackendError exception; the fake service raises it")
        self.calls = []  # user ids, in call order
        self.failing = set()  # users whose next call fails

    def want(self, user_id):
        return self.profile(user_id, user_id.title())

    async def fetch_profile(self, user_id):
        self.calls.append(user_id)
        await asyncio.sleep(LATENCY[user_id])
        if user_id in self.failing:
            self.failing.discard(user_id)
            raise self.error(f"profile service timed out for {user_id}")
        return self.want(user_id)

    def count(self, user_id):
        return self.calls.count(user_id)


def _install(k: Check):
    k.function("fetch_profile")  # must still be there (and async) for the cache to call
    service = FakeService(k)

    async def fetch_profile(user_id):
        return await service.fetch_profile(user_id)

    fetch_profile.__qualname__ = fetch_profile.__name__ = "fetch_profile"
    k.patch(k.learner, "fetch_profile", fetch_profile)
    k.trace(k.learner, "fetch_profile", label=lambda user_id: f"fetch_profile({user_id})")
    return service


def _cache(k: Check):
    cls = getattr(k.learner, "ProfileCache", None)
    if not isinstance(cls, type):
        k.fail("wrong-result", "your file no longer defines the ProfileCache class; the tests create caches with it")
    if not inspect.iscoroutinefunction(getattr(cls, "get", None)):
        k.fail("wrong-result", "ProfileCache.get must stay an `async def`: the request handlers await it")
    return cls()


def _where(k: Check):
    """The learner's line that calls the service, else where get is defined."""
    sites = k.call_sites("fetch_profile")
    if sites:
        return sites[0]
    method = inspect.getattr_static(getattr(k.learner, "ProfileCache", object), "get", None)
    if method is None:
        return None
    k.patch(k.learner, "ProfileCache.get", method)  # k.defined_at looks names up on the module
    return k.defined_at("ProfileCache.get")


@case("a profile is fetched once, then served from the cache")
async def fetched_then_cached(k: Check):
    service = _install(k)
    cache = _cache(k)
    started = k.now()
    got = await cache.get("ann")
    where = _where(k)
    k.expect_value(got, service.want("ann"), "get('ann')", where)
    k.expect_elapsed(started, at_most=LATENCY["ann"], what="the first get('ann')", where=where)
    started = k.now()
    again = await cache.get("ann")
    k.expect_value(again, service.want("ann"), "a second get('ann')", where)
    k.expect(service.count("ann") == 1, "wrong-result",
             f"the profile service was called {_times(service.count('ann'))} for ann: a profile already "
             "fetched must come from the cache", where)
    k.expect_elapsed(started, at_most=0, what="get('ann') once ann's profile was cached", where=where)


@case("ten callers for the same user share one fetch", timeline=True)
async def ten_callers_share(k: Check):
    service = _install(k)
    cache = _cache(k)
    started = k.now()
    got = await asyncio.gather(*(cache.get("ann") for _ in range(10)))
    where = _where(k)
    for value in got:
        k.expect_value(value, service.want("ann"), "get('ann'), with nine other callers asking at once", where)
    calls = service.count("ann")
    k.expect(calls == 1, "wrong-result",
             f"ten handlers asked for ann at the same moment and the profile service was called {_times(calls)}: "
             "each caller found nothing in the cache, because the profile is stored only after the fetch "
             "has finished. Keep the fetch that is in flight where the next caller finds it, and let every "
             "caller for the same user wait for that one", where)
    k.expect_elapsed(started, at_most=LATENCY["ann"], what="ten gets for ann", where=where)


@case("different users are fetched at the same time")
async def users_concurrently(k: Check):
    service = _install(k)
    cache = _cache(k)
    users = ["bob", "cy", "dan"]
    started = k.now()
    got = await asyncio.gather(*(cache.get(u) for u in users))
    where = _where(k)
    k.expect_value(list(got), [service.want(u) for u in users], "get() for bob, cy and dan at once", where)
    for user in users:
        k.expect(service.count(user) == 1, "wrong-result",
                 f"the profile service was called {_times(service.count(user))} for {user}; once is enough", where)
    slowest = max(LATENCY[u] for u in users)
    k.expect_elapsed(started, at_most=slowest,
                     what="fetching three different users at once (only callers for the same user need to wait "
                          "for each other)", where=where)


@case("a failed fetch reaches every waiting caller and is not cached")
async def failure_not_cached(k: Check):
    service = _install(k)
    cache = _cache(k)
    service.failing.add("dan")
    results = await asyncio.gather(*(cache.get("dan") for _ in range(3)), return_exceptions=True)
    where = _where(k)
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, (service.error, asyncio.CancelledError)):
            raise result  # the learner's own crash: reported with their line
    calls = service.count("dan")
    errors = [r for r in results if isinstance(r, service.error)]
    if calls > 1:
        k.fail("wrong-result",
               f"three callers asked for dan at once and the service was called {_times(calls)}: callers for the "
               "same user must share one fetch, and when that fetch fails, all of them get its BackendError "
               "instead of calling the service again (a failing service is the last one to hammer)", where)
    if len(errors) != 3:
        k.fail("wrong-result",
               f"the fetch for dan failed with BackendError, but {3 - len(errors)} of its 3 callers got "
               f"{results[next(i for i, r in enumerate(results) if not isinstance(r, service.error))]!r} instead: "
               "every caller waiting for a failed fetch must get its BackendError", where)
    started = k.now()
    try:
        got = await cache.get("dan")
    except service.error as exc:
        k.fail("wrong-result",
               f"the service is fine again, yet get('dan') raised {type(exc).__name__}: {exc} without calling it "
               f"(it was called {_times(service.count('dan'))} in all): the failure was cached forever. Remember "
               "only fetches that succeeded, so the next caller tries again", where)
    k.expect_value(got, service.want("dan"), "get('dan') once the service answers again", where)
    k.expect(service.count("dan") == 2, "wrong-result",
             f"the service was called {_times(service.count('dan'))} for dan; expected twice (the failed call, "
             "then one retry)", where)
    k.expect_elapsed(started, at_most=LATENCY["dan"], what="the retry of get('dan')", where=where)


@case("a caller that gives up does not cancel the fetch for the others")
async def cancelled_caller(k: Check):
    service = _install(k)
    cache = _cache(k)
    impatient = asyncio.create_task(cache.get("eve"))
    patient = asyncio.create_task(cache.get("eve"))
    await asyncio.sleep(LATENCY["eve"] / 3)
    impatient.cancel()  # what asyncio.wait_for or a client hanging up does to a handler
    started = k.now()
    results = await asyncio.gather(impatient, patient, return_exceptions=True)
    took = k.now() - started
    where = _where(k)
    got = results[1]
    if isinstance(got, asyncio.CancelledError):
        k.fail("wrong-result",
               "one of two callers waiting for eve was cancelled, and the other one was cancelled with it: "
               "awaiting a shared task directly means cancelling the awaiter cancels the task, for everyone. "
               "Let each caller stop waiting on its own (asyncio.shield) while the fetch goes on", where)
    if isinstance(got, BaseException) and not isinstance(got, service.error):
        raise got
    k.expect_value(got, service.want("eve"), "get('eve') for the caller that kept waiting", where)
    calls = service.count("eve")
    k.expect(calls == 1, "wrong-result",
             f"the service was called {_times(calls)} for eve: the two callers waiting at once must share one "
             "fetch, and it must go on for the caller still waiting when the other one gives up",
             where)
    rest = LATENCY["eve"] - LATENCY["eve"] / 3
    k.expect(took <= rest + EPSILON, "too-slow",
             f"the caller that kept waiting got eve's profile {_ms(took)} after the other gave up; the shared "
             f"fetch was due {_ms(rest)} later", where)
    k.expect(isinstance(results[0], asyncio.CancelledError), "wrong-result",
             f"the cancelled caller returned {results[0]!r}: a cancelled get() should end cancelled", where)
