// `async-katas quiz` without a terminal: the same session as plain lines, for scripts and screen readers.
// Each answer is a digit on its own line of stdin; each is recorded as soon as it is read.
import readline from 'node:readline';
import { loadAllKatas, loadQuestionPool } from '../core/sources.js';
import { pickSession, streak, type QuizItem } from '../core/review.js';
import { makeColors, type Colors } from '../report/color.js';
import { loadProgress, usageError } from './common.js';

export async function plainQuiz(
  packDirs: readonly string[] = [],
  input: NodeJS.ReadableStream = process.stdin,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const pool = loadQuestionPool(loadAllKatas(packDirs));
  if (pool.length === 0) return usageError('there are no quiz questions to ask');
  const store = await loadProgress();
  if (!store) return 2; // loadProgress said why
  const session = pickSession(pool, store.review(), new Date());
  const c = makeColors();
  const lines = readline.createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  const write = (text: string) => out.write(`${text}\n`);

  const results: boolean[] = [];
  for (const [i, item] of session.entries()) {
    write(`${i > 0 ? '\n' : ''}${c.bold(`Question ${i + 1} of ${session.length}`)} ${c.dim(`(${about(item)})`)}`);
    write(item.prompt);
    item.choices.forEach((choice, n) => write(`  ${n + 1}. ${choice.text}`));
    const choice = await readChoice(lines, item.choices.length, out, !(input as { isTTY?: boolean }).isTTY);
    if (choice === undefined) {
      if (results.length === 0) return usageError(`no answer on stdin: type a number from 1 to ${item.choices.length} per question`);
      break;
    }
    const right = item.choices[choice]!.correct;
    store.recordReview(item.id, right);
    results.push(right);
    write(explained(item, choice, c));
  }
  const score = results.filter(Boolean).length;
  write(`\nScore: ${score} of ${results.length} right · streak ${streak(results)}`);
  return 0;
}

function about(item: QuizItem): string {
  const from = item.id.startsWith('bank:') ? item.topic : `${item.topic}, from ${item.id.slice(0, item.id.lastIndexOf('#'))}`;
  return item.minPython ? `${from}, Python ${item.minPython}+` : from;
}

/** The next line that is a choice's number; undefined at the end of stdin. */
async function readChoice(lines: AsyncIterator<string>, count: number, out: NodeJS.WritableStream, echo: boolean): Promise<number | undefined> {
  for (;;) {
    out.write(`Answer (1-${count}): `);
    const next = await lines.next();
    if (next.done) {
      out.write('(no more answers on stdin)\n');
      return undefined;
    }
    // Piped answers are not echoed by a terminal: a transcript should still show what was answered.
    if (echo) out.write(`${next.value.trim()}\n`);
    const n = Number(next.value.trim());
    if (Number.isInteger(n) && n >= 1 && n <= count) return n - 1;
    out.write(`${JSON.stringify(next.value.trim())} is not one of the choices.\n`);
  }
}

function explained(item: QuizItem, choice: number, c: Colors): string {
  const right = item.choices[choice]!.correct;
  const answer = item.choices.findIndex((x) => x.correct) + 1;
  const rows = [right ? c.green('✓ Right.') : c.red(`✗ Not quite: the answer is ${answer}.`)];
  item.choices.forEach((x, n) => {
    const mark = x.correct ? c.green('✓') : n === choice ? c.red('✗') : ' ';
    rows.push(`${mark} ${n + 1}. ${x.text}${n === choice ? ' (your answer)' : ''}`, `     ${c.dim(x.why)}`);
  });
  return rows.join('\n');
}
