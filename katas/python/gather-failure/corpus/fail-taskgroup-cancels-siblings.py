# expect: fail wrong-result
# python: >=3.11
# Runs the fetches in a TaskGroup (3.11+) and catches its ExceptionGroup: the first outage cancels every other fetch.
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
    group = asyncio.TaskGroup()
    try:
        async with group:
            tasks = [group.create_task(fetch_report(region)) for region in regions]
    except ExceptionGroup as errors:
        digest.failed = [e.region for e in errors.exceptions if isinstance(e, ReportUnavailable)]
        return digest
    digest.reports = [task.result() for task in tasks]
    return digest
