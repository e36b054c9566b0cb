// The learner's run and the reference's on one virtual-time axis, so "one after another" and "all at once"
// can be seen, not just read in a message. The drawing itself is in timeline-bars.ts.
import { useMemo } from 'react';
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
  // A screen re-renders on every spinner frame; the bars only change with the timeline or the size.
  const lines = useMemo(() => timelineLines(timeline, { width, height }), [timeline, width, height]);
  return <Lines lines={lines} width={width} />;
}
