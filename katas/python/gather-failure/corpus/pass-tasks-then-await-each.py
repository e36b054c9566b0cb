# expect: pass
# Starts a task per region first, then awaits them in region order with a try/except around each.
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
    tasks = [asyncio.create_task(fetch_report(region)) for region in regions]
    digest = Digest()
    for region, task in zip(regions, tasks):
        try:
            digest.reports.append(await task)
        except ReportUnavailable:
            digest.failed.append(region)
    return digest
