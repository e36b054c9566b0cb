// The progress dashboard: katas solved, mastery per concept, hints, practice days; reset-all from here.
// Rows are built first and windowed, so 80-odd concepts scroll within a small terminal.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { KeyHelp } from '../components/KeyHelp.js';
import { Lines } from '../components/Lines.js';
import { progressBarLine } from '../components/ProgressBar.js';
import { truncate, type Line } from '../components/text.js';
import type { ConceptMastery, PracticeChart, Totals } from '../dashboard.js';
import { KEYS } from '../keys.js';
import { palette, theme } from '../theme.js';

interface Props {
  totals: Totals;
  concepts: ConceptMastery[];
  chart: PracticeChart;
  notice?: { text: string; tone: 'info' | 'warn' | 'error' };
  width: number;
  height: number;
  onResetAll: () => void;
  onBack: () => void;
}

const percent = (right: number, total: number) => (total ? `${Math.round((right / total) * 100)}%` : '');

/** `right/total 80%`, or `—` with nothing answered. */
function accuracy(right: number, total: number): string {
  return total ? `${right}/${total} ${percent(right, total).padStart(4)}` : '—';
}

export function dashboardLines({ totals, concepts, chart }: Pick<Props, 'totals' | 'concepts' | 'chart'>, width: number): Line[] {
  const lines: Line[] = [];
  lines.push([...progressBarLine({ done: totals.solved, total: totals.katas, width: Math.min(40, width - 14) }), { text: ' katas solved', color: palette.muted }]);
  lines.push([
    { text: 'Hints used: ' },
    { text: `${totals.hintsUsed}`, bold: true },
    { text: ` of ${totals.hintsAvailable}`, color: palette.muted },
    { text: totals.hintedKatas ? ` (in ${totals.hintedKatas} kata${totals.hintedKatas === 1 ? '' : 's'})` : '', color: palette.muted },
  ]);
  lines.push([
    { text: 'Quiz: ' },
    { text: totals.answers ? `${totals.right} of ${totals.answers} answers right (${percent(totals.right, totals.answers)})` : 'nothing answered yet' },
  ]);
  lines.push([]);
  const days = chart.cells.length;
  lines.push([
    { text: 'Practice days: ' },
    { text: `${chart.activeDays}`, bold: true },
    { text: ` of the last ${days}` },
    { text: chart.run > 1 ? ` · ${chart.run} days in a row` : '', color: palette.muted },
  ]);
  lines.push(chart.cells.map((cell) => ({ text: cell, color: cell === '·' ? palette.muted : palette.pass })));
  const weeks = Math.round(days / 7);
  const left = `${weeks} week${weeks === 1 ? '' : 's'} ago`;
  lines.push([{ text: `${left}${'today'.padStart(Math.max(6, days - left.length))}`, color: palette.muted }]);
  lines.push([]);

  // Concept, then the katas column (solved/total) and the quiz column (right/answers and %).
  const kataCol = 7;
  const quizCol = 13;
  // No wider than needed: in a wide terminal the numbers stay near their names.
  const nameCol = Math.max(8, Math.min(40, width - kataCol - quizCol - 2));
  const row = (name: string, katas: string, quiz: string, style: Partial<Line[number]> = {}): Line => [
    { ...style, text: truncate(name, nameCol).padEnd(nameCol) },
    { ...style, text: katas.padStart(kataCol) },
    { ...style, text: `  ${quiz.padStart(quizCol)}` },
  ];
  lines.push(row('Concept', 'katas', 'quiz', { bold: true }));
  for (const c of concepts) {
    const done = c.katas > 0 && c.solved === c.katas;
    const line = row(`${done ? '✓' : ' '} ${c.concept}`, c.katas ? `${c.solved}/${c.katas}` : '—', accuracy(c.right, c.answers));
    if (done) line[0]!.color = palette.pass;
    lines.push(line);
  }
  if (concepts.length === 0) lines.push([{ text: 'No katas yet.', color: palette.muted }]);
  return lines;
}

export function DashboardScreen({ totals, concepts, chart, notice, width, height, onResetAll, onBack }: Props) {
  const lines = dashboardLines({ totals, concepts, chart }, width);
  // Title row, then the rows; a status row (more / notice) and the key help below.
  const view = Math.max(3, height - 3);
  const last = Math.max(0, lines.length - view);
  const [offset, setOffset] = useState(0);
  useInput((input, key) => {
    if (key.escape) onBack();
    else if (input === 'R') onResetAll();
    else if (key.downArrow || input === 'j') setOffset((o) => Math.min(last, o + 1));
    else if (key.upArrow || input === 'k') setOffset((o) => Math.max(0, o - 1));
    else if (key.pageDown || input === ' ') setOffset((o) => Math.min(last, o + view - 1));
    else if (key.pageUp || input === 'b') setOffset((o) => Math.max(0, o - view + 1));
  });
  const shown = Math.min(offset, last);
  const more = [shown > 0 ? '↑' : '', shown < last ? '↓' : ''].join('');
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={[[{ text: 'Progress', color: palette.accent, bold: true }]]} width={width} />
      <Lines lines={lines.slice(shown, shown + view)} width={width} />
      {notice ? (
        <Text color={notice.tone === 'info' ? theme.info : theme.warn} wrap="truncate-end">
          {notice.text}
        </Text>
      ) : (
        <Text color={theme.muted}>{more ? `${more} more` : ' '}</Text>
      )}
      <KeyHelp keys={KEYS.dashboard} width={width} />
    </Box>
  );
}
