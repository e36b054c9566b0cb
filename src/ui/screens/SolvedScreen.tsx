// The moment after a pass: a short celebration, what it took, and where to go next.
import { Box, Text, useInput } from 'ink';
import type { Kata } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { KEYS } from '../keys.js';
import type { KataProgressView } from '../services.js';
import { theme } from '../theme.js';

interface Props {
  kata: Kata;
  progress: KataProgressView;
  width: number;
  onExplain: () => void;
  onDiff: () => void;
  onQuiz: () => void;
  onNext: () => void;
  onBack: () => void;
}

export function SolvedScreen({ kata, progress, width, onExplain, onDiff, onQuiz, onNext, onBack }: Props) {
  useInput((input, key) => {
    if (key.return) onExplain();
    else if (key.escape) onBack();
    else if (input === 'd') onDiff();
    else if (input === 'q') onQuiz();
    else if (input === 'n') onNext();
  });
  const hints = progress.hintsUsed === 0 ? 'no hints' : `${progress.hintsUsed} hint${progress.hintsUsed > 1 ? 's' : ''}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.pass}>
        ✓ Solved: {kata.title}
      </Text>
      <Text>
        All hidden tests pass. It took {progress.attempts} check{progress.attempts === 1 ? '' : 's'} and {hints}.
      </Text>
      <Text> </Text>
      <Text>Press Enter to read why the fix works, and what CPython does underneath.</Text>
      <Text> </Text>
      <KeyHelp keys={KEYS.solved} width={width} />
    </Box>
  );
}
