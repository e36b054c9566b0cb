// One quiz question at a time; after an answer every choice shows whether it was right and why.
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import type { Kata, Quiz } from '../../core/catalog.js';
import { KeyHelp } from '../components/KeyHelp.js';
import { KEYS } from '../keys.js';
import { theme } from '../theme.js';

interface Props {
  kata: Kata;
  quiz: Quiz;
  question: number;
  answered?: number;
  width: number;
  onAnswer: (choice: number) => void;
  onNext: () => void;
  onBack: () => void;
}

export function QuizScreen({ kata, quiz, question, answered, width, onAnswer, onNext, onBack }: Props) {
  const q = quiz.questions[question]!;
  useInput((_input, key) => {
    if (key.escape) onBack();
    else if (key.return && answered !== undefined) onNext();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.accent} wrap="truncate">
        Quiz: {kata.title} · question {question + 1} of {quiz.questions.length}
      </Text>
      <Text> </Text>
      <Text wrap="wrap">{q.prompt}</Text>
      <Text> </Text>
      {answered === undefined ? (
        <SelectInput
          key={question}
          items={q.choices.map((c, i) => ({ key: String(i), value: i, label: c.text }))}
          onSelect={(item) => onAnswer(item.value)}
        />
      ) : (
        <Box flexDirection="column">
          {q.choices.map((c, i) => (
            <Box key={i} flexDirection="column" marginBottom={1}>
              <Text color={c.correct ? theme.pass : i === answered ? theme.fail : undefined} wrap="wrap">
                {c.correct ? '✓' : i === answered ? '✗' : ' '} {i === answered ? '(your answer) ' : ''}
                {c.text}
              </Text>
              <Text color={theme.muted} wrap="wrap">
                {'  '}
                {c.why}
              </Text>
            </Box>
          ))}
          <Text bold color={q.choices[answered]?.correct ? theme.pass : theme.fail}>
            {q.choices[answered]?.correct ? 'Right.' : 'Not quite.'} Press Enter to go on.
          </Text>
        </Box>
      )}
      <KeyHelp keys={answered === undefined ? KEYS.quiz : KEYS.quizAnswered} width={width} />
    </Box>
  );
}
