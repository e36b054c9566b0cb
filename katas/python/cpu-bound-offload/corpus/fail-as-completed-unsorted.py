# expect: fail wrong-result
# Scores in the pool, but rank collects the matches with as_completed and never sorts them: the order they finish in is not closest first.
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


async def score(trace: str, issue: Issue, pool: ProcessPoolExecutor) -> Match:
    loop = asyncio.get_running_loop()
    distance = await loop.run_in_executor(pool, edit_distance, trace, issue.trace)
    return Match(issue.key, distance)


async def rank(trace: str, issues: list[Issue], pool: ProcessPoolExecutor) -> list[Match]:
    """The known issues, the one whose stack trace is closest to this crash's first."""
    return [await done for done in asyncio.as_completed([score(trace, issue, pool) for issue in issues])]
