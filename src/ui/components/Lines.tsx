// Draws prepared lines, one Text per row. Every component ends here, so colour is switched off in one place.
import { Box, Text } from 'ink';
import { colorEnabled } from '../theme.js';
import type { Line, Span } from './text.js';

interface Props {
  lines: readonly Line[];
  /** Columns of the box; without it the box is as wide as its longest row (within its parent). */
  width?: number;
}

function SpanText({ span, color }: { span: Span; color: boolean }) {
  if (!color) return <Text>{span.text}</Text>;
  return (
    <Text
      color={span.color}
      bold={span.bold}
      italic={span.italic}
      underline={span.underline}
      dimColor={span.dim}
      strikethrough={span.strikethrough}
    >
      {span.text}
    </Text>
  );
}

/**
 * Rows exactly as given. With colour off (NO_COLOR) no style at all is passed to Ink, so not even bold
 * or underline escapes reach the terminal; components carry non-colour cues (✓ ✗ ! >) in the text itself.
 * `truncate-end` is only a safety net for a row our width estimate got wrong: a row never wraps into two.
 */
export function Lines({ lines, width }: Props) {
  const color = colorEnabled();
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0 || line.every((s) => s.text === '') ? ' ' : line.map((span, j) => <SpanText key={j} span={span} color={color} />)}
        </Text>
      ))}
    </Box>
  );
}
