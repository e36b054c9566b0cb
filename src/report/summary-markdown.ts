// `async-katas report` as Markdown, for pasting into a chat or a ticket. The JSON (core/report.ts) has
// everything; this is what a person reads at a glance.
import type { QuizAccuracy, Report } from '../core/report.js';
import type { KataStatus } from '../core/progress-schema.js';

/** The trainer's marks, so a learner's screen and the lead's ticket read alike. */
const MARK: Record<KataStatus, string> = { solved: '✓', attempted: '~', new: '·' };

export function formatReportMarkdown(report: Report): string {
  const { summary } = report;
  const name = report.name === null ? '(no name: pass --name)' : inline(report.name);
  const lines = [`# async-katas report: ${name}, ${report.generatedAt.slice(0, 10)}`, ''];

  const parts = [`Solved ${summary.solved} of ${summary.total} katas`, `${summary.attempted} attempted`, `${summary.hintsUsed} hints used`];
  parts.push(summary.quiz.answered ? `quiz ${summary.quiz.correct}/${summary.quiz.answered} right (${percent(summary.quiz)})` : 'no quiz answers yet');
  lines.push(`${parts.join(' · ')}.`, '');

  lines.push('## Katas', '', '| | kata | id | solved | checks | hints |', '| --- | --- | --- | --- | ---: | ---: |');
  for (const [id, k] of Object.entries(report.katas)) {
    const solved = k.firstSolvedAt ? k.firstSolvedAt.slice(0, 10) : '-';
    lines.push(row([MARK[k.status], k.title, `\`${id}\``, solved, String(k.attempts), `${k.hintsUsed}/3`]));
  }

  // Dozens of concepts exist; a chat needs the ones the learner has met. The JSON keeps them all.
  const met = report.concepts.filter((c) => c.katasSolved > 0 || c.quiz.answered > 0);
  lines.push('', '## Concepts', '');
  if (met.length) {
    lines.push('| concept | katas solved | quiz |', '| --- | ---: | ---: |');
    for (const c of met) {
      const quiz = c.quiz.answered ? `${percent(c.quiz)} (${c.quiz.correct}/${c.quiz.answered})` : '-';
      lines.push(row([c.concept, `${c.katasSolved} of ${c.katasTotal}`, quiz]));
    }
    const rest = report.concepts.length - met.length;
    if (rest) lines.push('', `${rest} more concept${rest === 1 ? '' : 's'} not met yet.`);
  } else {
    lines.push('None met yet: no kata solved, no quiz answered.');
  }

  lines.push('', `_${inline(report.tool.name)} ${inline(report.tool.version)}_`);
  return `${lines.join('\n')}\n`;
}

function percent(q: QuizAccuracy): string {
  return q.accuracy === null ? '-' : `${Math.round(q.accuracy * 100)}%`;
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell: a `|` would end the cell early. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** One line: a newline (a name given with --name) would end a heading or a table row. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
