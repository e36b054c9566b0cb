# expect: fail wrong-result
# Keys the id by asyncio.current_task(): the tasks gather creates are other tasks, so they find no id.
import asyncio

LOG: list[tuple[str, str]] = []  # (request id, message), in the order written

_ids: dict[object, str] = {}


def current_request_id() -> str:
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no running loop: a worker thread
        task = None
    return _ids.get(task, "-")


def log(message: str) -> None:
    LOG.append((current_request_id(), message))


async def load_user(user_id: str) -> dict:
    await asyncio.sleep(0.01)  # pretend database query
    log(f"loaded user {user_id}")
    return {"id": user_id}


async def load_orders(user_id: str) -> list:
    await asyncio.sleep(0.02)  # pretend call to the orders service
    log(f"loaded the orders of {user_id}")
    return []


def render(user: dict, orders: list) -> str:
    """Template rendering: plain blocking code, so it runs in a worker thread."""
    log("rendered the page")
    return f"{user['id']}: {len(orders)} orders"


async def handle(request_id: str, user_id: str) -> str:
    """Serve one request. Every log line written for it must carry request_id."""
    me = asyncio.current_task()
    previous = _ids.get(me)
    _ids[me] = request_id
    try:
        log("request started")
        user, orders = await asyncio.gather(load_user(user_id), load_orders(user_id))
        page = await asyncio.to_thread(render, user, orders)
        log("request finished")
        return page
    finally:
        if previous is None:
            del _ids[me]
        else:
            _ids[me] = previous
