# expect: pass
# A small helper coroutine turns any hook result into a value; a comprehension awaits it per hook.
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


async def _resolve(result: object) -> object:
    """A value stays as it is; an awaitable is awaited for its value."""
    return await result if inspect.isawaitable(result) else result


async def run_hooks(hooks: list[Hook], signup: Signup) -> list[object]:
    """Call the hooks one after another, in order, and return what each one returned."""
    return [await _resolve(hook(signup)) for hook in hooks]
