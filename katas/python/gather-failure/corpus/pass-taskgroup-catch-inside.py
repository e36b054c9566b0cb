# expect: pass
# python: >=3.11
# Runs one task per region in a TaskGroup (3.11+); each task catches ReportUnavailable itself, so no sibling is cancelled.
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
    async def fetch_or_none(region: str) -> Report | None:
        try:
            return await fetch_report(region)
        except ReportUnavailable:
            return None

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_or_none(region)) for region in regions]
    digest = Digest()
    for region, task in zip(regions, tasks):
        if task.result() is None:
            digest.failed.append(region)
        else:
            digest.reports.append(task.result())
    return digest
