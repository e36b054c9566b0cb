# expect: fail wrong-result
# Creates the two load tasks before setting the ContextVar: each task copied the context without the id.
import asyncio
import contextvars

LOG: list[tuple[str, str]] = []  # (request id, message), in the order written

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


def current_request_id() -> str:
    return REQUEST_ID.get()


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
    user_task = asyncio.create_task(load_user(user_id))
    orders_task = asyncio.create_task(load_orders(user_id))
    token = REQUEST_ID.set(request_id)
    try:
        log("request started")
        user, orders = await user_task, await orders_task
        page = await asyncio.to_thread(render, user, orders)
        log("request finished")
        return page
    finally:
        REQUEST_ID.reset(token)
