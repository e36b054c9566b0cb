// Practice days for the progress dashboard: activity counted per local calendar day, the day the
// learner lived it (a session at 23:30 and one at 00:30 are two days), so keys are local dates.

export type PracticeDays = Record<string, number>;

export const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of `date` in the local time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `days` with one more thing done on the local day of `now`. */
export function bumpDay(days: PracticeDays | undefined, now: Date): PracticeDays {
  const key = localDay(now);
  return { ...days, [key]: (days?.[key] ?? 0) + 1 };
}

/** The local days ending with `today`, oldest first: `count` keys. */
export function lastDays(today: Date, count: number): string[] {
  const keys: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    // Calendar arithmetic on the local date, not 24 h steps, so a daylight-saving change skips no day.
    keys.push(localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - back)));
  }
  return keys;
}
