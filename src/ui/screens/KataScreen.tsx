// One kata: the task, the learner's code (failing lines marked) or the last result, hints, and the
// keys to edit, check, reset. Saving the file re-checks by itself (use-kata-session).
import path from 'node:path';
import { Box, Text, useInput } from 'ink';
import type { Kata } from '../../core/catalog.js';
import type { CheckResult } from '../../core/result.js';
import { CodeView } from '../components/CodeView.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { OutputBox } from '../components/OutputBox.js';
import { Spinner } from '../components/Spinner.js';
import { TestList, testListLines } from '../components/TestList.js';
import { TimelineView } from '../components/TimelineView.js';
import { lineText, truncate, wrapSpans } from '../components/text.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';
import { fileLink } from '../file-link.js';

interface Props {
  kata: Kata;
  file: string;
  code: string;
  view: 'code' | 'result';
  result?: CheckResult;
  checking: boolean;
  hintsShown: number;
  notice?: { text: string; tone: 'info' | 'warn' | 'error' };
  width: number;
  height: number;
  onEdit: () => void;
  onCheck: () => void;
  onHint: () => void;
  onReset: () => void;
  onToggle: () => void;
  onBack: () => void;
}

/** Diagnostics that point into the learner's file, as line -> short reason. */
export function markedLines(result: CheckResult | undefined, file: string): Map<number, string> {
  const marks = new Map<number, string>();
  if (!result) return marks;
  const name = path.basename(file);
  const all = [...result.diagnostics, ...result.tests.flatMap((t) => t.diagnostics)];
  for (const d of all) {
    if (d.line === undefined || !d.file || path.basename(d.file) !== name || marks.has(d.line)) continue;
    marks.set(d.line, d.kind);
  }
  return marks;
}

/** The task wrapped to the width, cut to `max` lines with an ellipsis on the last. */
function taskLines(task: string, width: number, max: number): string[] {
  const lines = wrapSpans([{ text: task }], width).map(lineText);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = truncate(`${kept[max - 1]} …`, width);
  return kept;
}

/** The hints shown so far, wrapped; when they don't fit in `max` lines the newest ones are kept. */
function hintLines(hints: readonly string[], shown: number, width: number, max: number): string[] {
  const lines = hints
    .slice(0, shown)
    .flatMap((hint, i) => wrapSpans([{ text: `hint ${i + 1}/${hints.length}: ${hint}` }], width).map(lineText));
  return lines.slice(Math.max(0, lines.length - max));
}

function summary(result: CheckResult | undefined): { text: string; color?: string } {
  if (!result) return { text: 'Not checked yet: save the file (or press c) to run the hidden tests.' };
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  if (result.status === 'pass') return { text: `✓ all ${result.tests.length} tests pass`, color: theme.pass };
  const why = result.error ? ` · ${result.error}` : '';
  return { text: `✗ ${passed} of ${result.tests.length} tests pass${why}`, color: theme.fail };
}

export function KataScreen(props: Props) {
  const { kata, file, code, view, result, checking, hintsShown, notice, width, height } = props;
  useInput((input, key) => {
    if (key.escape) props.onBack();
    else if (input === 'e') props.onEdit();
    else if (input === 'c') props.onCheck();
    else if (input === 'h') props.onHint();
    else if (input === 'r') props.onReset();
    else if (key.tab || input === 't') props.onToggle();
  });

  const hints = hintLines(kata.hints, hintsShown, width, Math.max(2, Math.floor(height / 4)));
  const status = summary(result);
  // The task takes at most a third of the screen (two lines beside a result); the rest is code or result.
  const task = taskLines(kata.task, width, view === 'result' && result ? 2 : Math.max(2, Math.floor(height / 3)));
  // Fixed rows: title, tag+file, task, blank, status, notice, hints, key help.
  const fixed = 2 + task.length + 1 + 1 + (notice ? 1 : 0) + hints.length + 1;
  const body = Math.max(3, height - fixed);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {kata.title}
      </Text>
      <Text color={theme.muted} wrap="truncate-middle">
        {kata.tag} · {fileLink(file)}
      </Text>
      {task.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
      <Box height={body} flexDirection="column" marginTop={1}>
        {view === 'code' || !result ? (
          <CodeView code={code} markedLines={markedLines(result, file)} height={body - 1} width={width} />
        ) : (
          <ResultView result={result} width={width} height={body - 1} />
        )}
      </Box>
      <Box>
        {checking ? <Spinner label="checking your file…" /> : <Text color={status.color}>{status.text}</Text>}
      </Box>
      {notice ? (
        <Text color={notice.tone === 'error' ? theme.fail : notice.tone === 'warn' ? theme.warn : theme.info} wrap="truncate">
          {notice.text}
        </Text>
      ) : null}
      {hints.map((line, i) => (
        <Text key={i} color={theme.warn}>
          {line}
        </Text>
      ))}
      <KeyHelp keys={view === 'result' && result ? KEYS.result : KEYS.kata} width={width} />
    </Box>
  );
}

function ResultView({ result, width, height }: { result: CheckResult; width: number; height: number }) {
  const timeline = result.timelines[0];
  const output = [result.output, ...result.tests.map((t) => t.output)].filter(Boolean).join('');
  // Tests first (they say what is wrong), then the timeline, then a little of the output.
  const outputRows = output ? Math.min(4, Math.max(0, Math.floor(height / 5))) : 0;
  const outputHeight = outputRows > 0 ? outputRows + 2 : 0;
  const naturalTests = testListLines(result.tests, width).length;
  const timelineNatural = timeline ? timeline.learner.rows.length + (timeline.reference?.rows.length ?? 0) + 4 : 0;
  const testRows = Math.max(3, Math.min(naturalTests, height - outputHeight - Math.min(timelineNatural, 8)));
  const timelineRows = timeline ? Math.max(0, height - testRows - outputHeight) : 0;
  return (
    <Box flexDirection="column" height={height}>
      <TestList tests={result.tests} width={width} height={testRows} />
      {timeline && timelineRows >= 5 ? <TimelineView timeline={timeline} width={width} height={timelineRows} /> : null}
      {outputRows > 0 ? <OutputBox output={output} maxLines={outputRows} width={width} title="your output" /> : null}
    </Box>
  );
}
