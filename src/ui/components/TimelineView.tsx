// The learner's run and the reference's on one virtual-time axis, so "one after another" and "all at once"
// can be seen, not just read in a message. The drawing itself is in timeline-bars.ts.
import type { Timeline } from '../../core/result.js';
import { Lines } from './Lines.js';
import { timelineLines } from './timeline-bars.js';

export interface TimelineViewProps {
  timeline: Timeline;
  /** At least 40 columns. */
  width: number;
  /** Rows available; without it each run shows at most 8 rows (then "+N more"). */
  height?: number;
}

export function TimelineView({ timeline, width, height }: TimelineViewProps) {
  return <Lines lines={timelineLines(timeline, { width, height })} width={width} />;
}
