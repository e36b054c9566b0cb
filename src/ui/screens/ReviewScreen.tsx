// Quiz mode: one question of the session at a time, answered with a digit (or ↑↓ and Enter); after the
// answer every choice is marked and explained. Rows are windowed so the screen fits any terminal.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { QuizItem } from '../../core/review.js';
import { streak } from '../../core/review.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { Lines } from '../components/Lines.js';
import { answerKeys, KEYS } from '../keys.js';
import { questionLines, scrollTo } from '../review-lines.js';
import { palette } from '../theme.js';

interface Props {
  session: QuizItem[];
  index: number;
  answered?: number;
  results: boolean[];
  problem?: string;
  width: number;
  height: number;
  onAnswer: (choice: number) => void;
  onNext: () => void;
  onBack: () => void;
}

/** Where a question comes from, as the learner knows it: the kata, or the bank's topic. */
function source(item: QuizItem): string {
  const kata = item.id.startsWith('bank:') ? undefined : item.id.slice(0, item.id.lastIndexOf('#'));
  const parts = [kata ? `${item.topic} · from ${kata}` : item.topic];
  if (item.minPython) parts.push(`Python ${item.minPython}+`);
  return parts.join(' · ');
}

export function ReviewScreen(props: Props) {
  const { session, index, problem, width, onBack } = props;
  if (session.length === 0) {
    return <NothingToAsk problem={problem} width={width} onBack={onBack} />;
  }
  return <Question key={index} {...props} item={session[index]!} />;
}

function NothingToAsk({ problem, width, onBack }: { problem?: string; width: number; onBack: () => void }) {
  useInput((_input, key) => {
    if (key.escape || key.return) onBack();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={[[{ text: 'Quiz', color: palette.accent, bold: true }], []]} />
      <Text wrap="wrap">{problem ?? 'There are no quiz questions to ask yet.'}</Text>
      <Text> </Text>
      <KeyHelp keys={KEYS.reviewEmpty} width={width} />
    </Box>
  );
}

function Question({ session, index, answered, results, width, height, item, onAnswer, onNext, onBack }: Props & { item: QuizItem }) {
  const [selected, setSelected] = useState(0);
  const { lines, choiceRows, choicesStart } = questionLines(item, width, selected, answered);
  // Header 3 rows (title, source, blank), footer 2 (status, keys).
  const view = Math.max(3, height - 5);
  const last = Math.max(0, lines.length - view);
  const [top, setTop] = useState(0);
  const [scroll, setScroll] = useState<number>();
  // After the answer the choices and their whys matter most: the view starts there when it all does not fit.
  const offset = answered === undefined ? Math.min(top, last) : Math.min(last, scroll ?? (lines.length > view ? choicesStart : 0));
  const choose = (next: number) => {
    setSelected(next);
    // The rows of the choice under the cursor do not change with the cursor: only its marks do.
    const [start, end] = choiceRows[next] ?? [0, 0];
    setTop(scrollTo(offset, start, end, view, lines.length));
  };

  useInput((input, key) => {
    if (key.escape) return onBack();
    if (answered === undefined) {
      const digit = /^[1-9]$/.test(input) ? Number(input) - 1 : -1;
      if (digit >= 0 && digit < item.choices.length) onAnswer(digit);
      else if (key.return) onAnswer(selected);
      else if (key.downArrow || input === 'j') choose((selected + 1) % item.choices.length);
      else if (key.upArrow || input === 'k') choose((selected - 1 + item.choices.length) % item.choices.length);
      return;
    }
    if (key.return) onNext();
    else if (key.downArrow || input === 'j') setScroll(Math.min(last, offset + 1));
    else if (key.upArrow || input === 'k') setScroll(Math.max(0, offset - 1));
  });

  const score = results.filter(Boolean).length;
  const more = [offset > 0 ? '↑' : '', offset < last ? '↓' : ''].join('');
  const right = answered !== undefined && item.choices[answered]?.correct;
  const correctNumber = item.choices.findIndex((c) => c.correct) + 1;
  return (
    <Box flexDirection="column" width={width}>
      <Lines
        width={width}
        lines={[
          [{ text: `Quiz · question ${index + 1} of ${session.length} · score ${score} · streak ${streak(results)}`, color: palette.accent, bold: true }],
          [{ text: source(item), color: palette.muted }],
          [],
          ...lines.slice(offset, offset + view),
          answered === undefined
            ? [{ text: more ? `${more} more` : '', color: palette.muted }]
            : [
                { text: right ? '✓ Right.' : `✗ Not quite: the answer is ${correctNumber}.`, color: right ? palette.pass : palette.fail, bold: true },
                { text: more ? ` ${more} more` : '', color: palette.muted },
              ],
        ]}
      />
      <KeyHelp keys={answered === undefined ? answerKeys(item.choices.length) : KEYS.reviewAnswered} width={width} />
    </Box>
  );
}
