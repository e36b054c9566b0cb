"""Executors in a check.

Thread pools need nothing of their own: their workers are scheduled threads (threads.py) waiting on
virtual locks (vlocks.py), so `to_thread`, `run_in_executor` and a learner's own ThreadPoolExecutor
(`submit` + `asyncio.wrap_future`, `map`, `concurrent.futures.wait`/`as_completed`) all run on the virtual
clock, with the pool's size as the number of jobs at once.

A process pool's jobs run in other processes, in real time: each pending job counts as external work,
so virtual time stands still until it reports back. Its workers are forked on every CPython and start
method (3.14 made forkserver the default): a spawned or forkserver worker would have to import the
learner's file by name, which a check's module can't be imported as. A forked child runs real threading
and real time, with the harness's tracers off.
"""
import concurrent.futures
import importlib.machinery
import os
import sys

from . import vsched

# What a 4-core machine gets by default: min(32, cpu_count + 4). CPython's own default follows the
# machine; a fixed size keeps verdicts equal across machines.
DEFAULT_WORKERS = 8

_child_hooks = []  # run in a forked child: switch off what must not run there


def at_fork_in_child(hook):
    _child_hooks.append(hook)


def _after_fork_in_child():
    vsched.disable_after_fork()
    for hook in _child_hooks:
        try:
            hook()
        except Exception:
            pass


def _patch_process_pool(module):
    pool_class = module.ProcessPoolExecutor
    real_init, real_submit = pool_class.__init__, pool_class.submit

    def __init__(self, max_workers=None, mp_context=None, *args, **kwargs):
        if "fork" in _start_methods():
            import multiprocessing

            mp_context = multiprocessing.get_context("fork")
        real_init(self, max_workers, mp_context, *args, **kwargs)

    def submit(self, fn, /, *args, **kwargs):
        if vsched.current() is None:
            return real_submit(self, fn, *args, **kwargs)
        vsched.external_begin()  # before the job exists, so that no moment is without it
        try:
            future = real_submit(self, fn, *args, **kwargs)
        except BaseException:
            vsched.external_end()
            raise
        with future._condition:  # set_result changes the state under it, then runs the callbacks
            finished = future._state in ("FINISHED", "CANCELLED_AND_NOTIFIED")
            if not finished:
                future._ak_external = True
        if finished:
            vsched.external_end()
        return future

    __init__.__wrapped__, submit.__wrapped__ = real_init, real_submit
    pool_class.__init__, pool_class.submit = __init__, submit


def _start_methods():
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _patch_multiprocessing(module):
    if "fork" in module.get_all_start_methods():
        module.set_start_method("fork", force=True)


def _patch_future_callbacks():
    """A process pool's job ends as external work only after its future's callbacks ran: they hand the
    result to the loop (wrap_future's call_soon_threadsafe), and until then the loop must not be thought
    stuck for good."""
    future_class = concurrent.futures.Future
    real = future_class._invoke_callbacks

    def _invoke_callbacks(self):
        try:
            real(self)
        finally:
            if self.__dict__.pop("_ak_external", False):
                vsched.external_end()

    future_class._invoke_callbacks = _invoke_callbacks


_AFTER_IMPORT = {
    "concurrent.futures.process": _patch_process_pool,
    "multiprocessing": _patch_multiprocessing,
}


class _PatchAfterImport:
    """Importing multiprocessing costs ~12 ms, so it is patched when the learner's code imports it."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        patch = _AFTER_IMPORT.get(name)
        if patch is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        real_exec = spec.loader.exec_module

        def exec_module(module):
            real_exec(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


_installed = [False]


def install():
    if _installed[0]:
        return
    _installed[0] = True
    _patch_future_callbacks()
    for name, patch in _AFTER_IMPORT.items():
        if name in sys.modules:
            patch(sys.modules[name])
    sys.meta_path.insert(0, _PatchAfterImport)
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)
