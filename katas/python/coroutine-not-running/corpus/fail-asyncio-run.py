# expect: fail exception never-awaited
# Runs each coroutine with asyncio.run, which refuses to start inside the already running loop (RuntimeError).
import asyncio
import inspect
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Signup:
    user: str
    email: str


# Plugins register hooks: a plain function or an async def, whichever suits the plugin.
Hook = Callable[[Signup], object]


def audit(signup: Signup) -> str:
    return f"audited {signup.user}"


async def send_welcome(signup: Signup) -> str:
    await asyncio.sleep(0.01)  # pretend to call the mail API
    return f"welcomed {signup.email}"


async def run_hooks(hooks: list[Hook], signup: Signup) -> list[object]:
    """Call the hooks one after another, in order, and return what each one returned."""
    results = []
    for hook in hooks:
        result = hook(signup)
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
        results.append(result)
    return results
