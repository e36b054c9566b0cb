// First start in a folder without a workspace: offer to create one (Enter accepts, Esc quits).
import path from 'node:path';
import { Box, Text, useApp, useInput } from 'ink';
import { KeyHelp } from '../components/KeyHelp.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';

interface Props {
  dir: string;
  onAnswer: (create: boolean) => void;
}

export function WelcomeScreen({ dir, onAnswer }: Props) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.return || input === 'y') {
      onAnswer(true);
      exit();
    } else if (key.escape || input === 'q' || input === 'n') {
      onAnswer(false);
      exit();
    }
  });
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        Welcome to async-katas
      </Text>
      <Text>Each kata is a small piece of broken async Python. You fix it in your own editor; the trainer</Text>
      <Text>checks every save and shows what is still wrong, down to the line.</Text>
      <Text> </Text>
      <Text>
        There is no workspace here yet. Create <Text bold>{path.relative(process.cwd(), dir) || dir}/</Text> for your kata
        files?
      </Text>
      <Text> </Text>
      <KeyHelp keys={KEYS.welcome} width={80} />
    </Box>
  );
}
