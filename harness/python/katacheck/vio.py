"""Waits on file descriptors, in virtual time: `select.select`, `poll`/`epoll` objects (and so
`selectors`), socket operations with a timeout, and a child process's `wait`/`communicate`.

A participant (vsched.py) whose descriptors are not ready parks in the scheduler as a *poller*, re-polled
each time the baton moves: a socketpair written by another thread wakes it at that thread's virtual
moment, and a timeout that expires takes exactly its virtual length. Only when nothing in the check can
change anything any more does a poller wait for real (a peer outside the process). A child process runs
in real time: waiting for it stands the virtual clock still.

On the loop thread each such wait is a `blocking-call` named as written (`select.select`, `socket.recv`).
"""
import select
import socket
import subprocess
import sys

from . import clock, vsched
from .clock import CLOCK
from .vlocks import report_wait

REAL_WAIT_SLICE = 0.05
_real_select = select.select
_real_poll = select.poll
_real_epoll = getattr(select, "epoll", None)


def _wait_ready(p, check, deadline):
    """Park until `check()` is true or the virtual `deadline` passes. Returns whether it became true."""
    while True:
        woke = vsched.block(p, until=deadline, poll=check, real_wait=True)
        if woke == "real-wait":
            with vsched.external(p):
                clock.REAL_SLEEP(REAL_WAIT_SLICE) if not check() else None
        if check():
            return True
        if woke == "timeout":
            return False


class _Reported:
    """On the loop thread, a wait that really waited is reported when it ends."""

    __slots__ = ("call", "frame", "started", "on_loop")

    def __init__(self, call, frame):
        self.call, self.frame = call, frame
        self.started = CLOCK.now
        self.on_loop = clock.running_virtual_loop() is not None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.on_loop:
            report_wait(self.frame, self.started, self.call)


def _select(rlist, wlist, xlist, timeout=None):
    p = vsched.running()
    if p is None or timeout == 0 or (timeout is not None and not timeout >= 0):
        return _real_select(rlist, wlist, xlist, timeout)
    rlist, wlist, xlist = list(rlist), list(wlist), list(xlist)
    ready = _real_select(rlist, wlist, xlist, 0)
    if any(ready):
        return ready
    deadline = None if timeout is None else CLOCK.now + timeout
    with _Reported("select.select", sys._getframe(1)):
        if not (rlist or wlist or xlist):  # a sleep, as select is sometimes used
            if deadline is None:
                vsched.block(p)
            else:
                vsched.sleep(p, float(timeout))
            return [], [], []
        found = []

        def check():
            found[:] = [_real_select(rlist, wlist, xlist, 0)]
            return any(found[0])

        _wait_ready(p, check, deadline)
        return found[0] if found else ([], [], [])


class _Poller:
    """A poll/epoll object whose blocking `poll` waits in virtual time."""

    __slots__ = ("_real", "_per_second")

    def __init__(self, real, per_second):
        self._real = real
        self._per_second = per_second  # poll() counts milliseconds, epoll.poll() seconds

    def poll(self, timeout=None, *args):
        if timeout == 0:  # the event loop's own selector polls this way: keep it cheap
            return self._real.poll(0, *args)
        p = vsched.running()
        if p is None:
            return self._real.poll(timeout, *args)
        forever = timeout is None or timeout < 0
        events = self._real.poll(0, *args)
        if events:
            return events
        deadline = None if forever else CLOCK.now + timeout / self._per_second
        found = []

        def check():
            found[:] = [self._real.poll(0, *args)]
            return bool(found[0])

        name = "select.poll.poll" if self._per_second == 1000 else "select.epoll.poll"
        with _Reported(name, sys._getframe(1)):
            _wait_ready(p, check, deadline)
        return found[0] if found else []

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __enter__(self):
        self._real.__enter__()
        return self

    def __exit__(self, *exc):
        return self._real.__exit__(*exc)


def _poll():
    return _Poller(_real_poll(), 1000)


def _epoll(*args, **kwargs):
    return _Poller(_real_epoll(*args, **kwargs), 1)


def _socket_wait(method, readable):
    real = getattr(socket.socket, method)

    def wait_then_call(self, *args, **kwargs):
        p = vsched.running()
        timeout = self.gettimeout()
        if p is None or timeout == 0.0 or self.fileno() < 0:
            return real(self, *args, **kwargs)
        r, w = ([self], []) if readable else ([], [self])
        if not vsched.real_select_ready(r, w, []):
            deadline = None if timeout is None else CLOCK.now + timeout
            with _Reported(f"socket.{method}", sys._getframe(1)):
                if not _wait_ready(p, lambda: vsched.real_select_ready(r, w, []), deadline):
                    raise socket.timeout("timed out")
        return real(self, *args, **kwargs)

    wait_then_call.__name__ = wait_then_call.__qualname__ = method
    wait_then_call.__wrapped__ = real
    return wait_then_call


_SOCKET_WAITS = (("recv", True), ("recv_into", True), ("recvfrom", True), ("recvfrom_into", True),
                 ("recvmsg", True), ("accept", True), ("send", False), ("sendall", False), ("sendto", False))


def _in_real_time(real):
    def wait(self, *args, **kwargs):
        p = vsched.running()
        if p is None:
            return real(self, *args, **kwargs)
        with vsched.external(p):
            return real(self, *args, **kwargs)

    wait.__name__ = wait.__qualname__ = real.__name__
    wait.__wrapped__ = real
    return wait


_installed = [False]


def install():
    if _installed[0]:
        return
    _installed[0] = True
    select.select = _select
    select.poll = _poll
    if _real_epoll is not None:
        select.epoll = _epoll
    for method, readable in _SOCKET_WAITS:
        if hasattr(socket.socket, method):
            setattr(socket.socket, method, _socket_wait(method, readable))
    subprocess.Popen.wait = _in_real_time(subprocess.Popen.wait)
    subprocess.Popen.communicate = _in_real_time(subprocess.Popen.communicate)
