// The end of a quiz session: the score, the best streak, and when the questions come back.
import { Box, Text, useInput } from 'ink';
import { KeyHelp } from '../components/KeyHelp.js';
import { Lines } from '../components/Lines.js';
import { KEYS } from '../keys.js';
import type { DueGroup } from '../review-summary.js';
import { palette, theme } from '../theme.js';

interface Props {
  right: number;
  total: number;
  bestStreak: number;
  /** When this session's questions are due again. */
  next: DueGroup[];
  /** Over the whole pool, after this session. */
  dueNow: number;
  fresh: number;
  width: number;
  onAgain: () => void;
  onBack: () => void;
}

const questions = (n: number) => `${n} question${n === 1 ? '' : 's'}`;

export function ReviewDoneScreen({ right, total, bestStreak, next, dueNow, fresh, width, onAgain, onBack }: Props) {
  useInput((_input, key) => {
    if (key.escape) onBack();
    else if (key.return) onAgain();
  });
  const percent = total ? Math.round((right / total) * 100) : 0;
  return (
    <Box flexDirection="column" width={width}>
      <Lines
        width={width}
        lines={[
          [{ text: 'Quiz done', color: palette.accent, bold: true }],
          [],
          [{ text: 'Score: ' }, { text: `${right}`, bold: true }, { text: ` of ${total} right (${percent}%) · best streak ${bestStreak}` }],
          [],
        ]}
      />
      <Text>Coming back:</Text>
      {next.map((group) => (
        <Text key={group.wait} wrap="truncate">
          {'  '}
          {questions(group.count)} in {group.wait}
        </Text>
      ))}
      <Text color={theme.muted} wrap="wrap">
        Due now: {dueNow} · never asked: {fresh}
      </Text>
      <Text> </Text>
      <KeyHelp keys={KEYS.reviewDone} width={width} />
    </Box>
  );
}
