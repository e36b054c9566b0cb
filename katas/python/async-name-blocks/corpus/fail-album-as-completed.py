# expect: fail wrong-result
# Awaits store.upload, but upload_album collects the paths with as_completed: in the order the uploads finish, not album order.
import asyncio
import time


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


async def upload_photo(store: PhotoStore, name: str, data: bytes) -> str:
    return await store.upload(name, data)


async def upload_album(store: PhotoStore, photos: dict[str, bytes]) -> list[str]:
    """Upload all photos at the same time; return their paths in album order."""
    uploads = [upload_photo(store, name, data) for name, data in photos.items()]
    return [await done for done in asyncio.as_completed(uploads)]
