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
    results = await asyncio.gather(*(fetch_report(r) for r in regions), return_exceptions=True)
    for region, result in zip(regions, results):
        if isinstance(result, ReportUnavailable):
            digest.failed.append(region)
        elif isinstance(result, BaseException):
            raise result  # a bug, not an outage
        else:
            digest.reports.append(result)
    return digest
