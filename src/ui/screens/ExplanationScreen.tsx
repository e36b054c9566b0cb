// The kata's explanation, rendered from markdown and scrolled within the terminal's height.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { Kata } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { Markdown, markdownLineCount } from '../components/Markdown.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';

interface Props {
  kata: Kata;
  source: string;
  width: number;
  height: number;
  onDiff: () => void;
  onQuiz: () => void;
  onNext: () => void;
  onBack: () => void;
}

export function ExplanationScreen({ kata, source, width, height, onDiff, onQuiz, onNext, onBack }: Props) {
  const view = Math.max(3, height - 3);
  const total = markdownLineCount(source, width);
  const last = Math.max(0, total - view);
  const [offset, setOffset] = useState(0);
  useInput((input, key) => {
    if (key.escape) onBack();
    else if (key.downArrow || input === 'j') setOffset((o) => Math.min(last, o + 1));
    else if (key.upArrow || input === 'k') setOffset((o) => Math.max(0, o - 1));
    else if (key.pageDown || input === ' ') setOffset((o) => Math.min(last, o + view - 1));
    else if (key.pageUp || input === 'b') setOffset((o) => Math.max(0, o - view + 1));
    else if (input === 'd') onDiff();
    else if (input === 'q') onQuiz();
    else if (input === 'n') onNext();
  });
  const shown = total === 0 ? 100 : Math.round((Math.min(total, offset + view) / total) * 100);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        Why it works: {kata.title} <Text color={theme.muted}>({shown}%)</Text>
      </Text>
      <Box height={view} overflow="hidden" flexDirection="column">
        <Markdown source={source} width={width} height={view} offset={offset} />
      </Box>
      <Text> </Text>
      <KeyHelp keys={KEYS.explanation} width={width} />
    </Box>
  );
}
