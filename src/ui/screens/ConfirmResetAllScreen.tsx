// `reset --all` from the dashboard: the most destructive thing the trainer does, so it says exactly what
// goes and asks y/N; anything but y keeps everything.
import { Box, Text, useInput } from 'ink';
import { KeyHelp } from '../components/KeyHelp.js';
import { Lines } from '../components/Lines.js';
import { KEYS } from '../keys.js';
import { palette } from '../theme.js';

interface Props {
  workspaceDir: string;
  width: number;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmResetAllScreen({ workspaceDir, width, onConfirm, onCancel }: Props) {
  useInput((input, key) => {
    if (input === 'y' || input === 'Y') onConfirm();
    else if (input === 'n' || input === 'N' || key.escape || key.return) onCancel();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={[[{ text: 'Reset everything?', color: palette.warn, bold: true }]]} width={width} />
      <Text wrap="wrap">
        {`Every kata file in ${workspaceDir} goes back to its broken starter code; what is there now is kept as `}
        {`<kata-id>.py.bak beside it. All progress is cleared: solved katas, hints, quiz answers, quiz mode's `}
        schedule and practice days.
      </Text>
      <Text> </Text>
      <Text>Reset everything? [y/N]</Text>
      <KeyHelp keys={KEYS.confirmResetAll} width={width} />
    </Box>
  );
}
