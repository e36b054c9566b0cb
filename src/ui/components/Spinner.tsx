// A small dots spinner with a label, shown while a check runs.
import { useEffect, useState } from 'react';
import { palette } from '../theme.js';
import { Lines } from './Lines.js';

export interface SpinnerProps {
  label?: string;
  /** Milliseconds per frame. */
  interval?: number;
  /** Columns available; the label is cut to fit. By default the width of its parent. */
  width?: number;
}

export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export function Spinner({ label = '', interval = 80, width }: SpinnerProps) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER_FRAMES.length), interval);
    // Cleared on unmount: a left-over interval would keep re-rendering a screen that is gone.
    return () => clearInterval(timer);
  }, [interval]);
  return (
    <Lines
      lines={[
        [
          { text: SPINNER_FRAMES[frame]!, color: palette.info },
          { text: label ? ` ${label}` : '' },
        ],
      ]}
      width={width}
    />
  );
}
