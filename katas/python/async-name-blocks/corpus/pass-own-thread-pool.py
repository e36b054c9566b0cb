# expect: pass
# Runs async_upload in a dedicated ThreadPoolExecutor of eight workers through run_in_executor.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


class PhotoStore:
    """Client for the photo storage service (vendored SDK: not ours to change)."""

    def async_upload(self, name: str, data: bytes) -> str:
        """Upload a photo. Thumbnails are generated asynchronously on the server."""
        time.sleep(0.02)  # the HTTP request
        return f"photos/{name}"

    async def upload(self, name: str, data: bytes) -> str:
        """Upload a photo over the SDK's async connection pool."""
        await asyncio.sleep(0.02)  # the HTTP request
        return f"photos/{name}"


UPLOAD_THREADS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="upload")


async def upload_photo(store: PhotoStore, name: str, data: bytes) -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(UPLOAD_THREADS, store.async_upload, name, data)


async def upload_album(store: PhotoStore, photos: dict[str, bytes]) -> list[str]:
    """Upload all photos at the same time; return their paths in album order."""
    uploads = (upload_photo(store, name, data) for name, data in photos.items())
    return list(await asyncio.gather(*uploads))
