// The kata list: overall progress, every kata with its state, the next unsolved one preselected.
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import type { Kata } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { KEYS } from '../keys.js';
import type { KataProgressView } from '../services.js';
import { theme } from '../theme.js';

interface Props {
  katas: Kata[];
  progress: (id: string) => KataProgressView;
  workspaceDir: string;
  width: number;
  height: number;
  notice?: { text: string; tone: 'info' | 'warn' | 'error' };
  onOpen: (id: string) => void;
  onQuit: () => void;
}

const MARK: Record<KataProgressView['status'], string> = { new: '·', attempted: '~', solved: '✓' };

export function HomeScreen({ katas, progress, workspaceDir, width, height, notice, onOpen, onQuit }: Props) {
  useInput((input) => {
    if (input === 'q') onQuit();
  });
  const states = katas.map((k) => progress(k.id));
  const solved = states.filter((s) => s.status === 'solved').length;
  const next = Math.max(0, states.findIndex((s) => s.status !== 'solved'));
  // Grouped by level: the level is named once, beside the first kata of its group.
  const titleWidth = Math.max(...katas.map((k) => k.title.length));
  const items = katas.map((k, i) => {
    const group = i === 0 || katas[i - 1]!.level !== k.level ? `Level ${k.level}` : '';
    return {
      key: k.id,
      value: k.id,
      label: `${group.padEnd(8)} ${MARK[states[i]!.status]} ${k.title.padEnd(titleWidth)}  ${k.id} · ${states[i]!.status}`,
    };
  });
  // Header 4 rows, footer 2: the list gets the rest and scrolls (ink-select-input's limit).
  const limit = Math.max(3, Math.min(items.length, height - 7 - (notice ? 1 : 0)));
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.accent}>
        async-katas · fix broken async Python
      </Text>
      <Box>
        <ProgressBar done={solved} total={katas.length} width={Math.min(40, width - 20)} />
        <Text color={theme.muted}> solved</Text>
      </Box>
      <Text color={theme.muted} wrap="truncate-middle">
        workspace {workspaceDir}
      </Text>
      <Text> </Text>
      <SelectInput items={items} initialIndex={next} limit={limit} onSelect={(item) => onOpen(item.value)} />
      <Text> </Text>
      {notice ? (
        <Text color={notice.tone === 'info' ? theme.info : theme.warn} wrap="truncate-end">
          {notice.text}
        </Text>
      ) : null}
      <KeyHelp keys={KEYS.home} width={width} />
    </Box>
  );
}
