// A one-line progress bar for long runs on a terminal; silent elsewhere (pipes and CI logs get the
// per-kata lines instead). Redrawn at most every 100 ms, and erased before any other line is written.
export interface ProgressBar {
  update(done: number, total: number, note?: string): void;
  /** Erase the bar so a normal line can be written; the next update draws it again. */
  clear(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, label = ''): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, clear: () => {} };
  let shown = false;
  let last = 0;
  return {
    update(done, total, note = '') {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 40 - label.length - note.length));
      const filled = total ? Math.round((done / total) * width) : width;
      const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
      stream.write(`\r\u001b[2K${label}[${bar}] ${done}/${total}${note ? ` ${note}` : ''}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
