# expect: fail too-slow
# Sends all issues to the pool as one job, so a single worker process computes every distance in turn.
import asyncio
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    key: str
    trace: str


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    distance: int


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: the fewest one-character edits that turn a into b."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            substitute = previous[j - 1] + (char_a != char_b)
            current.append(min(previous[j] + 1, current[j - 1] + 1, substitute))
        previous = current
    return previous[-1]


def distances(trace: str, others: list[str]) -> list[int]:
    return [edit_distance(trace, other) for other in others]


async def rank(trace: str, issues: list[Issue], pool: ProcessPoolExecutor) -> list[Match]:
    """The known issues, the one whose stack trace is closest to this crash's first."""
    if not issues:
        return []
    loop = asyncio.get_running_loop()
    found = await loop.run_in_executor(pool, distances, trace, [issue.trace for issue in issues])
    matches = [Match(issue.key, d) for issue, d in zip(issues, found)]
    return sorted(matches, key=lambda match: match.distance)
