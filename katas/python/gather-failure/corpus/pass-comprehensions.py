# expect: pass
# Gathers with return_exceptions=True, re-raises the first non-outage exception, then splits with two comprehensions.
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
    results = await asyncio.gather(*(fetch_report(r) for r in regions), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, ReportUnavailable):
            raise result
    return Digest(
        reports=[r for r in results if isinstance(r, Report)],
        failed=[region for region, r in zip(regions, results) if isinstance(r, ReportUnavailable)],
    )
