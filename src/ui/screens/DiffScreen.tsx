// The learner's solution against the reference, line by line.
import { Box, Text, useInput } from 'ink';
import type { Kata } from '../../core/catalog.js';
import { DiffView } from '../components/DiffView.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';

interface Props {
  kata: Kata;
  mine: string;
  reference: string;
  width: number;
  height: number;
  onBack: () => void;
  onQuiz: () => void;
}

export function DiffScreen({ kata, mine, reference, width, height, onBack, onQuiz }: Props) {
  useInput((input, key) => {
    if (key.escape) onBack();
    else if (input === 'q') onQuiz();
  });
  const same = mine.trim() === reference.trim();
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        Your fix against the reference: {kata.title}
      </Text>
      {same ? (
        <Text color={theme.pass}>Your file is the reference solution, line for line.</Text>
      ) : (
        <DiffView before={mine} after={reference} beforeLabel="your file" afterLabel="reference" height={height - 3} width={width} />
      )}
      <KeyHelp keys={KEYS.diff} width={width} />
    </Box>
  );
}
