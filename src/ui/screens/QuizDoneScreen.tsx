// The end of a kata: quiz score and the way on.
import { Box, Text, useInput } from 'ink';
import type { Kata } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';

interface Props {
  kata: Kata;
  right: number;
  total: number;
  nextTitle?: string;
  width: number;
  onNext: () => void;
  onBack: () => void;
}

export function QuizDoneScreen({ kata, right, total, nextTitle, width, onNext, onBack }: Props) {
  useInput((input, key) => {
    if (key.escape) onBack();
    else if (key.return || input === 'n') onNext();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.pass}>
        {kata.title}: done
      </Text>
      <Text>
        Quiz: {right} of {total} right on the first try.
      </Text>
      <Text> </Text>
      <Text>{nextTitle ? `Next kata: ${nextTitle}. Press Enter to start it.` : 'Every kata is solved. Press Enter to go home.'}</Text>
      <Text> </Text>
      <KeyHelp keys={KEYS.quizDone} width={width} />
    </Box>
  );
}
