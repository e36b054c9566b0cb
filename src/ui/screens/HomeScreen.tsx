// The kata list: overall progress, quiz mode and the dashboard, every kata with its state (built-in
// katas first, then each pack under its own heading), the next unsolved one preselected.
import { Box, Text, useInput } from 'ink';
import type { Kata } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { Lines } from '../components/Lines.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { SectionList, type ListRow } from '../components/SectionList.js';
import { KEYS } from '../keys.js';
import type { KataProgressView } from '../services.js';
import { palette, theme } from '../theme.js';

interface Props {
  katas: Kata[];
  progress: (id: string) => KataProgressView;
  workspaceDir: string;
  width: number;
  height: number;
  notice?: { text: string; tone: 'info' | 'warn' | 'error' };
  /** Quiz mode's counts; undefined until worked out (after the first frame, which must stay cheap). */
  due?: { due: number; fresh: number };
  onOpen: (id: string) => void;
  onQuiz: () => void;
  onDashboard: () => void;
  onQuit: () => void;
}

const QUIZ = ':quiz';
const DASHBOARD = ':progress';

function quizLabel(due: Props['due']): string {
  if (!due) return "questions from every kata, spaced out";
  if (due.due === 0 && due.fresh === 0) return 'nothing due now';
  return `${due.due} due now · ${due.fresh} never asked`;
}

/** Katas without a pack, then each pack (in the order its katas come) with its katas. */
function sections(katas: Kata[]): { heading?: string; katas: Kata[] }[] {
  const builtIn = katas.filter((k) => !k.pack);
  const packs = new Map<string, { heading: string; katas: Kata[] }>();
  for (const k of katas) {
    if (!k.pack) continue;
    const key = `${k.pack.name}@${k.pack.version}`;
    if (!packs.has(key)) packs.set(key, { heading: `Pack ${k.pack.name} ${k.pack.version}`, katas: [] });
    packs.get(key)!.katas.push(k);
  }
  return [{ katas: builtIn }, ...packs.values()].filter((s) => s.katas.length > 0);
}

const MARK: Record<KataProgressView['status'], string> = { new: '·', attempted: '~', solved: '✓' };

export function HomeScreen({ katas, progress, workspaceDir, width, height, notice, due, onOpen, onQuiz, onDashboard, onQuit }: Props) {
  useInput((input) => {
    if (input === 'q') onQuit();
    else if (input === 't') onQuiz();
    else if (input === 'p') onDashboard();
  });
  const status = new Map(katas.map((k) => [k.id, progress(k.id).status]));
  const solved = [...status.values()].filter((s) => s === 'solved').length;
  const next = katas.find((k) => status.get(k.id) !== 'solved')?.id ?? katas[0]?.id;
  const titleWidth = Math.max(0, ...katas.map((k) => k.title.length));
  const rows: ListRow[] = [
    { kind: 'item', value: QUIZ, label: `${'Quiz'.padEnd(8)} ${quizLabel(due)}` },
    { kind: 'item', value: DASHBOARD, label: `${'Progress'.padEnd(8)} solved, concepts, hints, practice days` },
    { kind: 'heading', text: ' ' },
  ];
  // In a narrower terminal the state words go, then the ids (from every row, so columns stay aligned):
  // the mark still tells the state.
  const room = width - 3;
  const idWidth = Math.max(0, ...katas.map((k) => k.id.length));
  const withId = 8 + 3 + titleWidth + 2 + idWidth <= room;
  const withState = katas.every((k) => 8 + 3 + titleWidth + 2 + k.id.length + 3 + status.get(k.id)!.length <= room);
  for (const section of sections(katas)) {
    if (section.heading) rows.push({ kind: 'heading', text: section.heading });
    // Grouped by level: the level is named once, beside the first kata of its group.
    section.katas.forEach((k, i) => {
      const group = i === 0 || section.katas[i - 1]!.level !== k.level ? `Level ${k.level}` : '';
      const state = status.get(k.id)!;
      const start = `${group.padEnd(8)} ${MARK[state]} `;
      const label = withState
        ? `${start}${k.title.padEnd(titleWidth)}  ${k.id} · ${state}`
        : withId
          ? `${start}${k.title.padEnd(titleWidth)}  ${k.id}`
          : `${start}${k.title}`;
      rows.push({ kind: 'item', value: k.id, label });
    });
  }
  // Header 4 rows, footer 2: the list gets the rest and scrolls.
  const limit = Math.max(3, Math.min(rows.length, height - 7 - (notice ? 1 : 0)));
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={[[{ text: 'async-katas · fix broken async Python', color: palette.accent, bold: true }]]} />
      <Box>
        <ProgressBar done={solved} total={katas.length} width={Math.min(40, width - 20)} />
        <Text color={theme.muted}> solved</Text>
      </Box>
      <Text color={theme.muted} wrap="truncate-middle">
        workspace {workspaceDir}
      </Text>
      <Text> </Text>
      <SectionList
        rows={rows}
        initialValue={next}
        limit={limit}
        width={width}
        onSelect={(value) => (value === QUIZ ? onQuiz() : value === DASHBOARD ? onDashboard() : onOpen(value))}
      />
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
