# expect: pass
# Uses the thread-safe queue.Queue and waits for each reading in a worker thread with asyncio.to_thread.
import asyncio
import queue
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reading:
    sensor: str
    celsius: float


class SensorFeed:
    """The vendor's SDK (thread-based): calls on_reading from its own thread for every new reading."""

    def __init__(self, sensor: str, on_reading) -> None:
        self.sensor, self.on_reading = sensor, on_reading
        self._stopped = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._poll, name=f"feed-{self.sensor}", daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()

    def _poll(self) -> None:
        while not self._stopped.is_set():
            time.sleep(0.01)  # pretend to wait for the sensor
            self.on_reading(Reading(self.sensor, 21.5))


async def read_temperatures(sensor: str, count: int) -> list[Reading]:
    """The next `count` readings of `sensor`, in the order the feed delivers them."""
    readings: queue.Queue[Reading] = queue.Queue()

    def on_reading(reading: Reading) -> None:  # runs on the feed's thread
        readings.put(reading)

    feed = SensorFeed(sensor, on_reading)
    feed.start()
    try:
        return [await asyncio.to_thread(readings.get) for _ in range(count)]
    finally:
        feed.stop()
