# expect: pass
# Waits for all tasks with asyncio.wait (skipping an empty list), then inspects each task's exception in region order.
import asyncio
from dataclasses import dataclass, field


class ReportUnavailable(Exception):
    """A region's report service is down."""

    def __init__(self, region: str) -> None:
        super().__init__(f"the report for {region} is unavailable")
        self.region = region


@dataclass(frozen=True, slots=True)
class Report:
    region: str
    revenue: int


@dataclass
class Digest:
    reports: list[Report] = field(default_factory=list)  # in the order the regions were given
    failed: list[str] = field(default_factory=list)  # regions whose service was down, same order


async def fetch_report(region: str) -> Report:
    await asyncio.sleep(0.02)  # pretend call to the region's report service
    return Report(region, 100_000)


async def build_digest(regions: list[str]) -> Digest:
    digest = Digest()
    if not regions:
        return digest  # asyncio.wait refuses an empty collection
    tasks = [asyncio.create_task(fetch_report(region)) for region in regions]
    await asyncio.wait(tasks)
    for region, task in zip(regions, tasks):
        error = task.exception()
        if error is None:
            digest.reports.append(task.result())
        elif isinstance(error, ReportUnavailable):
            digest.failed.append(region)
        else:
            raise error
    return digest
