"""One virtual clock for every thread: a baton scheduler.

Threads that take part in a check (the main thread, and every thread the learner's code or a kata's fakes
start, executor workers included) are *participants*. Only the one holding the baton runs; the others are
parked on a private lock. The holder hands the baton on only where it would block: a sleep, a lock or
condition wait, a join, a select, the event loop's own wait for its next timer. The next to run is the
participant with the earliest virtual moment it can go on at (ready now, a sleep ending, a timeout
expiring), ties in the order they became due. Virtual time jumps to that moment only when nobody can run
sooner, so

- a timed wait that times out takes exactly its timeout, and one that is satisfied ends at the virtual
  moment another participant satisfied it;
- what threads do, and in which order, is the same on every run and machine: Python code between two
  blocking points runs without interleaving;
- a participant is never "idle forever" while its timeout is pending, and when every participant waits
  for something no participant can ever do, that is a deadlock, found at once.

Work that runs in real time (a process pool's job, a child process, a real socket's peer) is *external*:
while any is pending, virtual time stands still and the baton may lie idle until it reports back.
"""
import _thread
import heapq
import itertools
import select as _select

from .clock import CLOCK
from .stuck import Stuck

_REAL_SELECT = _select.select  # taken before vio.py wraps select.select
_mutex = _thread.allocate_lock()
_by_thread = {}  # thread ident -> Participant
_order = itertools.count()
_ready = []  # (time, order, participant, generation)
_timed = []  # (deadline, order, participant, generation)
_pollers = []  # participants blocked on real file descriptors (re-polled whenever the baton moves)


class _State:
    __slots__ = ("holder", "external", "enabled", "main")

    def __init__(self):
        self.holder = None
        self.external = 0
        self.enabled = False
        self.main = None


_s = _State()


class Participant:
    __slots__ = ("name", "park", "state", "generation", "result", "on", "poll", "real_wait", "joiners",
                 "done", "deadlock_message")

    def __init__(self, name):
        self.name = name
        self.park = _thread.allocate_lock()
        self.park.acquire()
        self.state = "new"  # new, run, ready, blocked, external, done
        self.generation = 0
        self.result = None  # why it was woken: "woken", "timeout", "deadlock"
        self.on = None  # what it is blocked on (for wake(p, on=...))
        self.poll = None  # for a blocked poller: a function telling whether its descriptors are ready
        self.real_wait = False  # a poller whose descriptors only the outside world may make ready
        self.joiners = []  # participants blocked in join() on this one's thread
        self.done = False
        self.deadlock_message = None

    def __repr__(self):
        return f"<participant {self.name} {self.state}>"


def enabled():
    return _s.enabled


def current():
    """The calling thread's participant, or None where real threading applies."""
    if not _s.enabled:
        return None
    return _by_thread.get(_thread.get_ident())


def running():
    """The calling thread's participant if it holds the baton now (not while it waits in real time)."""
    p = current()
    return p if p is not None and p.state == "run" else None


def main():
    return _s.main


# ---- what the baton's holder calls --------------------------------------------------------------------

def block(p, until=None, on=None, poll=None, real_wait=False):
    """Park the holder `p` until woken (wake), its virtual deadline `until`, or, for a poller, until
    `poll()` says its descriptors are ready. Returns "woken", "timeout", or "real-wait" (a `real_wait`
    poller that only the outside world can wake: wait for real, then block again); raises Stuck on a
    deadlock."""
    with _mutex:
        p.generation += 1
        p.state, p.on, p.poll, p.result = "blocked", on, poll, None
        p.real_wait = real_wait
        if until is not None:
            heapq.heappush(_timed, (until, next(_order), p, p.generation))
        if poll is not None:
            _pollers.append(p)
        nxt = _pick()
        _hand_to(nxt)
    return _wait_for_baton(p)


def sleep(p, seconds):
    """The holder sleeps `seconds` of virtual time; others due meanwhile run first."""
    with _mutex:
        p.generation += 1
        p.state, p.on, p.poll = "ready", None, None
        heapq.heappush(_ready, (CLOCK.now + seconds, next(_order), p, p.generation))
        nxt = _pick()
        _hand_to(nxt)
    _wait_for_baton(p)


def yield_if_others(p):
    """Let participants already due at this moment run before the holder goes on."""
    if not _ready or _ready[0][0] > CLOCK.now:
        return
    sleep(p, 0.0)


def wake(p, on=None):
    """Make a blocked participant ready now (it was notified). `on`: only if it is blocked on that."""
    with _mutex:
        if p.state != "blocked" or (on is not None and p.on is not on):
            return False
        _make_ready(p, "woken")
        if _s.holder is None:
            _hand_to(_pick())
    return True


class external:
    """`with external(p):` the holder does something in real time (a real select, a child's wait): it
    gives the baton away meanwhile and virtual time stands still until it is back."""

    __slots__ = ("p",)

    def __init__(self, p):
        self.p = p

    def __enter__(self):
        with _mutex:
            self.p.state = "external"
            _s.external += 1
            _hand_to(_pick())

    def __exit__(self, *exc):
        with _mutex:
            _s.external -= 1
            _make_ready(self.p, "woken")
            if _s.holder is None:
                _hand_to(_pick())
        _wait_for_baton(self.p)


def external_begin():
    """Real work started (a process pool's job, a thread on its way to start): time stands still."""
    with _mutex:
        _s.external += 1


def external_end():
    """Real work reported back; callable from any thread."""
    with _mutex:
        _s.external -= 1
        if _s.holder is None:
            _hand_to(_pick())


# ---- threads coming and going -------------------------------------------------------------------------

def new_participant(name):
    return Participant(name)


def enter(p):
    """The calling (new) thread becomes participant `p`: wait for the baton, ready at this moment."""
    with _mutex:
        _by_thread[_thread.get_ident()] = p
        _make_ready(p, "woken")
        if _s.holder is None:
            _hand_to(_pick())
    _wait_for_baton(p)


def leave(p):
    """The calling thread's participant is done: wake its joiners and hand the baton on."""
    with _mutex:
        p.done = True
        p.state = "done"
        for joiner in p.joiners:
            if joiner.state == "blocked" and joiner.on is p:
                _make_ready(joiner, "woken")
        p.joiners = []
        _by_thread.pop(_thread.get_ident(), None)
        if _s.holder is p:
            _s.holder = None
            _hand_to(_pick())


def install():
    """The main thread takes part from now on, holding the baton."""
    from . import clock

    clock.set_participant_lookup(current)
    main = Participant("main")
    main.state = "run"
    _by_thread[_thread.get_ident()] = main
    _s.holder = main
    _s.main = main
    _s.enabled = True


def disable_after_fork():
    """In a forked child only the forking thread is left: real threading again, nothing to schedule."""
    global _mutex
    _mutex = _thread.allocate_lock()
    _s.enabled = False
    _by_thread.clear()
    _ready.clear()
    _timed.clear()
    _pollers.clear()
    _s.holder = None
    _s.external = 0


# ---- inside the mutex ---------------------------------------------------------------------------------

def _make_ready(p, result):
    if p.poll is not None and p in _pollers:
        _pollers.remove(p)
    p.generation += 1
    p.state, p.result, p.on, p.poll = "ready", result, None, None
    heapq.heappush(_ready, (CLOCK.now, next(_order), p, p.generation))


def _hand_to(nxt):
    _s.holder = nxt
    if nxt is not None:
        nxt.state = "run"
        nxt.park.release()


def _poll_pollers():
    if not _pollers:
        return
    for p in list(_pollers):
        if p.state != "blocked" or p.poll is None:
            _pollers.remove(p)
            continue
        try:
            ready = p.poll()
        except Exception:  # a closed descriptor: let the poller find out for itself
            ready = True
        if ready:
            _pollers.remove(p)
            _make_ready(p, "woken")


def _valid(entry):
    return entry[2].generation == entry[3]


def _pick():
    """The participant to run next, moving virtual time on if nobody can run sooner; None when only
    external work can make progress."""
    _poll_pollers()
    while _ready and not _valid(_ready[0]):
        heapq.heappop(_ready)
    while _timed and not (_valid(_timed[0]) and _timed[0][2].state == "blocked"):
        heapq.heappop(_timed)
    if _ready and _ready[0][0] <= CLOCK.now:
        return heapq.heappop(_ready)[2]
    if _s.external > 0:
        return None
    first_ready = _ready[0] if _ready else None
    first_timed = _timed[0] if _timed else None
    if first_ready is None and first_timed is None:
        return _deadlock()
    if first_timed is None or (first_ready is not None and first_ready[:2] < first_timed[:2]):
        entry = heapq.heappop(_ready)
        CLOCK.advance_to(entry[0])
        return entry[2]
    entry = heapq.heappop(_timed)
    CLOCK.advance_to(entry[0])
    p = entry[2]
    if p in _pollers:
        _pollers.remove(p)
    p.generation += 1
    p.result = "timeout"
    p.on = p.poll = None
    return p


def _deadlock():
    for p in _pollers:  # only real descriptors can still change anything: let a poller wait for real
        if p.real_wait:
            _pollers.remove(p)
            p.generation += 1
            p.result = "real-wait"
            p.on = p.poll = None
            return p
    main = _s.main
    if main is None or main.state != "blocked":
        return None
    main.generation += 1
    main.result = "deadlock"
    return main


def _wait_for_baton(p):
    try:
        p.park.acquire()
    except BaseException:
        # Interrupted while parked (the wall-clock watchdog): run on regardless; the verdict is an error.
        with _mutex:
            p.state = "run"
            p.generation += 1
            _s.holder = p
        raise
    if p.result == "deadlock":
        p.result = None
        raise Stuck("deadlock", p.deadlock_message or "")
    return p.result


def waiting_participants():
    """(thread ident, name) of every participant but the main thread blocked now, for deadlock messages."""
    with _mutex:
        return [(ident, p.name) for ident, p in _by_thread.items() if p.state == "blocked" and p is not _s.main]


def real_select_ready(rlist, wlist, xlist):
    try:
        r, w, x = _REAL_SELECT(rlist, wlist, xlist, 0)
    except (OSError, ValueError):
        return True
    return bool(r or w or x)
