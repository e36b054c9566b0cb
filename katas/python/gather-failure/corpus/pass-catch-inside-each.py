# expect: pass
# Wraps each fetch in a helper that turns ReportUnavailable into None, then gathers the helpers.
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

    digest = Digest()
    for region, report in zip(regions, await asyncio.gather(*map(fetch_or_none, regions))):
        if report is None:
            digest.failed.append(region)
        else:
            digest.reports.append(report)
    return digest
