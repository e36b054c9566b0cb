// Resetting the learner's file is the one destructive action: it asks first, and keeps a .bak copy.
import { Box, Text, useInput } from 'ink';
import type { Kata } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';

interface Props {
  kata: Kata;
  file: string;
  width: number;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmResetScreen({ kata, file, width, onConfirm, onCancel }: Props) {
  useInput((input, key) => {
    if (input === 'y' || input === 'Y') onConfirm();
    else if (input === 'n' || input === 'N' || key.escape || key.return) onCancel();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.warn}>
        Reset {kata.id}?
      </Text>
      <Text wrap="wrap">
        {file} goes back to the kata's broken starter code. What is there now is kept as {file}.bak.
      </Text>
      <Text> </Text>
      <Text>Reset? [y/N]</Text>
      <KeyHelp keys={KEYS.confirm} width={width} />
    </Box>
  );
}
