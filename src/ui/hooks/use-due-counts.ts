// Quiz mode's counts for the home screen, worked out after the frame is drawn: the pool means reading
// every kata's quiz and the bank, which the first frame must not wait for.
import { useEffect, useState } from 'react';
import { dueCounts } from '../../core/review.js';
import type { Services } from '../services.js';

export function useDueCounts(services: Services, active: boolean): { due: number; fresh: number } | undefined {
  const [counts, setCounts] = useState<{ due: number; fresh: number }>();
  useEffect(() => {
    if (!active) return;
    const later = setImmediate(() => {
      try {
        setCounts(dueCounts(services.quizPool(), services.reviewState(), services.now()));
      } catch {
        // a broken quiz file: quiz mode itself says so when opened
        setCounts(undefined);
      }
    });
    return () => clearImmediate(later);
  }, [services, active]);
  return counts;
}
