"""Why a test could not finish, raised out of the event loop (or out of a blocking call on its thread)."""


class Stuck(BaseException):
    """BaseException, so the learner's `except Exception` around an await can't swallow it. An empty
    deadlock message is filled in by whoever reports it, from the tasks and threads left waiting."""

    def __init__(self, kind, message="", where=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.where = where
