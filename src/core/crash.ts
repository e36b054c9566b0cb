// Reads what Python left on stderr when a check ended without a result: a faulthandler dump (the
// harness's last-resort timer, or a fatal error) or an ordinary traceback. Only used when fd 3 has no
// `done` and no `fatal` record.

export interface CrashReport {
  kind: 'timeout' | 'exception';
  /** First line to show, e.g. "Fatal Python error: Segmentation fault". */
  headline?: string;
  /** Extra lines worth showing (a traceback tail). */
  detail?: string;
  /** Line in the learner's file where it was running, when the dump names it. */
  line?: number;
  /** Seconds, for a faulthandler timeout. */
  seconds?: number;
  /** Where the dump starts in stderr, so it is not shown again as the learner's output. */
  dumpStart: number;
}

const TIMEOUT_DUMP = /^Timeout \((\d+):(\d\d):(\d\d)(?:\.\d+)?\)!$/m;
const FATAL_DUMP = /^Fatal Python error: (.+)$/m;
const TRACEBACK = 'Traceback (most recent call last):';

export function explainCrash(stderr: string, learnerFile: string): CrashReport | undefined {
  const timeout = TIMEOUT_DUMP.exec(stderr);
  if (timeout) {
    const [, h, m, s] = timeout.map(Number) as [number, number, number, number];
    const dump = stderr.slice(timeout.index);
    return { kind: 'timeout', seconds: h * 3600 + m * 60 + s, line: innermostFrame(dump, learnerFile, 'first'), dumpStart: timeout.index };
  }
  const fatal = FATAL_DUMP.exec(stderr);
  if (fatal) {
    const dump = stderr.slice(fatal.index);
    return { kind: 'exception', headline: fatal[0], line: innermostFrame(dump, learnerFile, 'first'), dumpStart: fatal.index };
  }
  const start = stderr.lastIndexOf(TRACEBACK);
  if (start >= 0) {
    const lines = stderr.slice(start).trimEnd().split('\n');
    const kept = lines.length > 12 ? [TRACEBACK, '  ...', ...lines.slice(-10)] : lines;
    return {
      kind: 'exception',
      detail: kept.join('\n'),
      line: innermostFrame(stderr.slice(start), learnerFile, 'last'),
      dumpStart: start,
    };
  }
  return undefined;
}

/**
 * The learner's frame closest to where the code was: tracebacks list the innermost frame last,
 * faulthandler dumps list it first (and the thread that was running first).
 */
function innermostFrame(dump: string, learnerFile: string, innermost: 'first' | 'last'): number | undefined {
  let found: number | undefined;
  for (const m of dump.matchAll(/File "(.+?)", line (\d+)/g)) {
    if (!samePath(m[1]!, learnerFile)) continue;
    found = Number(m[2]);
    if (innermost === 'first') return found;
  }
  return found;
}

function samePath(a: string, b: string): boolean {
  return a === b || a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}
