"""What one test run observes: diagnostics, timeline rows, output."""
from . import clock
from .clock import CLOCK

TEST_TASK = "katacheck-test"  # the task running the test itself: never named in messages
MAX_ROWS = 60
MAX_EVENTS = 400


def ms(seconds):
    value = seconds * 1000
    return f"{value:.0f} ms" if value >= 1 or value == 0 else f"{value:.2g} ms"


class Diagnostic:
    __slots__ = ("kind", "message", "where", "task", "call", "frozen", "count")

    def __init__(self, kind, message, where=None, task=None, call=None, frozen=None):
        self.kind, self.message, self.where = kind, message, where
        self.task, self.call, self.frozen = task, call, frozen
        self.count = 1

    def record(self):
        out = {"kind": self.kind, "message": self.message}
        if self.where is not None:
            out["file"], out["line"] = self.where.file, self.where.line
        if self.task:
            out["task"] = self.task
        if self.call:
            out["call"] = self.call
        if self.frozen is not None:
            out["frozenMs"] = round(self.frozen * 1000, 3)
        if self.count > 1:
            out["count"] = self.count
        return out


class Row:
    __slots__ = ("label", "kind", "task", "events", "learner", "function", "where")

    def __init__(self, label, kind, task, learner):
        self.label, self.kind, self.task, self.learner = label, kind, task, learner
        self.events = []
        self.function = None  # for 'call' rows: the traced function's name
        self.where = None  # for 'call' rows: the learner's line that made the call


class Collector:
    def __init__(self, name):
        self.name = name
        self.t0 = CLOCK.now
        self.diagnostics = []
        self._blocking = {}  # (kind, call, file, line) -> Diagnostic, so five sleeps make one line
        self.rows = []
        self.dropped_rows = 0
        self.closing = False  # tearing the loop down: tasks we abandon on purpose aren't the learner's bug

    def elapsed(self):
        return CLOCK.now - self.t0

    def add(self, diagnostic):
        self.diagnostics.append(diagnostic)
        return diagnostic

    def blocking(self, kind, call, where, task, frozen, describe):
        key = (kind, call, where.file if where else None, where.line if where else None)
        seen = self._blocking.get(key)
        if seen is None:
            seen = self.add(Diagnostic(kind, "", where, task, call, frozen))
            self._blocking[key] = seen
        else:
            seen.count += 1
            if frozen is not None:
                seen.frozen = (seen.frozen or 0) + frozen
        seen.message = describe(seen)
        return seen

    def new_row(self, label, kind, task, learner):
        if len(self.rows) >= MAX_ROWS:
            self.dropped_rows += 1
            return None
        row = Row(label, kind, task, learner)
        self.rows.append(row)
        return row

    def event(self, row, kind):
        if row is not None and len(row.events) < MAX_EVENTS:
            row.events.append((clock.now() - self.t0, kind))

    def timeline(self):
        calls = [r for r in self.rows if r.kind == "call"]
        rows = calls or [r for r in self.rows if r.kind == "task" and r.learner]
        # Start order among equals can follow set iteration (asyncio.wait, as_completed): by address.
        rows = sorted(rows, key=lambda r: (r.events[0][0] if r.events else float("inf"), r.label))
        return {
            "elapsed": round(self.elapsed(), 9),
            "rows": [
                {
                    "label": r.label,
                    "kind": r.kind,
                    "task": r.task,
                    "events": [{"t": round(t, 9), "kind": k} for t, k in r.events],
                }
                for r in rows
            ],
            "truncated": self.dropped_rows > 0,
        }


_current = [None]


def current():
    return _current[0]


def activate(collector):
    _current[0] = collector
    return collector
