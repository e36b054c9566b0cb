// The trainer: one reducer (state.ts) decides the screen; this file wires screens to services.
import { Box, Text, useApp } from 'ink';
import { Suspense, lazy, useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Kata } from '../core/catalog.js';
import { dueCounts } from '../core/review.js';
import { conceptMastery, practiceChart, totals, type DashboardInput } from './dashboard.js';
import { useDueCounts } from './hooks/use-due-counts.js';
import { useKataSession } from './hooks/use-kata-session.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { startReview } from './review-start.js';
import { bestStreak, dueNext } from './review-summary.js';
import { HomeScreen } from './screens/HomeScreen.js';
import type { Services } from './services.js';
import { initialState, reducer, type Action, type AppState } from './state.js';

// Only the home screen is needed for the first frame. The others (with the highlighter, the markdown
// renderer and the differ) load right after it is drawn, so start-up doesn't wait for them.
const loaders = {
  kata: () => import('./screens/KataScreen.js'),
  confirm: () => import('./screens/ConfirmResetScreen.js'),
  solved: () => import('./screens/SolvedScreen.js'),
  explanation: () => import('./screens/ExplanationScreen.js'),
  diff: () => import('./screens/DiffScreen.js'),
  quiz: () => import('./screens/QuizScreen.js'),
  quizDone: () => import('./screens/QuizDoneScreen.js'),
  review: () => import('./screens/ReviewScreen.js'),
  reviewDone: () => import('./screens/ReviewDoneScreen.js'),
  dashboard: () => import('./screens/DashboardScreen.js'),
  confirmResetAll: () => import('./screens/ConfirmResetAllScreen.js'),
};
const KataScreen = lazy(() => loaders.kata().then((m) => ({ default: m.KataScreen })));
const ConfirmResetScreen = lazy(() => loaders.confirm().then((m) => ({ default: m.ConfirmResetScreen })));
const SolvedScreen = lazy(() => loaders.solved().then((m) => ({ default: m.SolvedScreen })));
const ExplanationScreen = lazy(() => loaders.explanation().then((m) => ({ default: m.ExplanationScreen })));
const DiffScreen = lazy(() => loaders.diff().then((m) => ({ default: m.DiffScreen })));
const QuizScreen = lazy(() => loaders.quiz().then((m) => ({ default: m.QuizScreen })));
const QuizDoneScreen = lazy(() => loaders.quizDone().then((m) => ({ default: m.QuizDoneScreen })));
const ReviewScreen = lazy(() => loaders.review().then((m) => ({ default: m.ReviewScreen })));
const ReviewDoneScreen = lazy(() => loaders.reviewDone().then((m) => ({ default: m.ReviewDoneScreen })));
const DashboardScreen = lazy(() => loaders.dashboard().then((m) => ({ default: m.DashboardScreen })));
const ConfirmResetAllScreen = lazy(() => loaders.confirmResetAll().then((m) => ({ default: m.ConfirmResetAllScreen })));

/** The practice chart's span: 8 weeks, fewer in a narrow terminal (whole weeks, one cell a day). */
const CHART_DAYS = 56;

interface Props {
  services: Services;
  initialKata?: string;
  /** Open quiz mode at once (`async-katas quiz`). */
  start?: 'quiz';
}

export function App(props: Props) {
  useEffect(() => {
    const preload = setImmediate(() => Object.values(loaders).forEach((load) => void load()));
    return () => clearImmediate(preload);
  }, []);
  return (
    <Suspense fallback={<Text>…</Text>}>
      <Screens {...props} />
    </Suspense>
  );
}

function Screens({ services, initialKata, start }: Props) {
  const { exit } = useApp();
  const hints = useMemo(
    () => Object.fromEntries(services.katas.map((k) => [k.id, services.progress(k.id).hintsUsed])),
    [services],
  );
  const [state, dispatch] = useReducer(reducer, undefined, () => {
    const first = initialState(initialKata, hints);
    return start === 'quiz' ? reducer(first, startReview(services)) : first;
  });
  useEffect(() => services.onNotice((text) => dispatch({ type: 'notice', text, tone: 'warn' })), [services]);
  const { columns, rows } = useTerminalSize();
  // One column spare: a line exactly as wide as the terminal wraps in some terminals.
  const width = Math.max(20, columns - 1);
  const height = Math.max(8, rows - 1);
  const byId = useMemo(() => new Map(services.katas.map((k) => [k.id, k])), [services]);
  const { screen } = state;
  const due = useDueCounts(services, screen.name === 'home');

  const nextKata = useCallback(
    (after?: string): Kata | undefined => {
      const list = services.katas;
      const start = after ? list.findIndex((k) => k.id === after) + 1 : 0;
      const order = [...list.slice(start), ...list.slice(0, start)];
      return order.find((k) => k.id !== after && services.progress(k.id).status !== 'solved');
    },
    [services],
  );
  const goNext = useCallback(
    (after: string) => {
      const next = nextKata(after);
      dispatch(next ? { type: 'open-kata', kataId: next.id } : { type: 'home' });
    },
    [nextKata],
  );

  if (screen.name === 'home') {
    return (
      <HomeScreen
        katas={services.katas}
        progress={services.progress}
        workspaceDir={services.workspaceDir}
        width={width}
        height={height}
        notice={state.notice}
        due={due}
        onOpen={(id) => dispatch({ type: 'open-kata', kataId: id })}
        onQuiz={() => dispatch(startReview(services))}
        onDashboard={() => dispatch({ type: 'show-dashboard' })}
        onQuit={() => exit()}
      />
    );
  }
  if (screen.name === 'review') {
    const item = screen.session[screen.index];
    return (
      <ReviewScreen
        session={screen.session}
        index={screen.index}
        answered={screen.answered}
        results={screen.results}
        problem={screen.problem}
        width={width}
        height={height}
        onAnswer={(choice) => {
          // Written before the screen changes: a crash or Ctrl+C right after loses nothing.
          if (item?.choices[choice]) services.recordReview(item.id, item.choices[choice]!.correct);
          dispatch({ type: 'review-answer', choice });
        }}
        onNext={() => dispatch({ type: 'review-next' })}
        onBack={() => dispatch({ type: 'home' })}
      />
    );
  }
  if (screen.name === 'review-done') {
    const review = services.reviewState();
    const now = services.now();
    let counts = { due: 0, fresh: 0 };
    try {
      counts = dueCounts(services.quizPool(), review, now);
    } catch {
      // the pool was read for this session; should it fail now, the counts are only a footnote
    }
    return (
      <ReviewDoneScreen
        right={screen.results.filter(Boolean).length}
        total={screen.results.length}
        bestStreak={bestStreak(screen.results)}
        next={dueNext(screen.session, review, now)}
        dueNow={counts.due}
        fresh={counts.fresh}
        width={width}
        onAgain={() => dispatch(startReview(services))}
        onBack={() => dispatch({ type: 'home' })}
      />
    );
  }
  if (screen.name === 'dashboard') {
    const input: DashboardInput = { katas: services.katas, progress: services.progress, review: services.reviewState(), bankTopics: bankTopics(services) };
    const days = Math.max(7, Math.min(CHART_DAYS, Math.floor(width / 7) * 7));
    return (
      <DashboardScreen
        totals={totals(input)}
        concepts={conceptMastery(input)}
        chart={practiceChart(services.practiceDays(), services.now(), days)}
        notice={state.notice}
        width={width}
        height={height}
        onResetAll={() => dispatch({ type: 'ask-reset-all' })}
        onBack={() => dispatch({ type: 'home' })}
      />
    );
  }
  if (screen.name === 'confirm-reset-all') {
    return (
      <ConfirmResetAllScreen
        workspaceDir={services.workspaceDir}
        width={width}
        onConfirm={() => dispatch({ type: 'reset-all-done', files: services.resetAll() })}
        onCancel={() => dispatch({ type: 'cancel' })}
      />
    );
  }
  const kata = byId.get(screen.kataId);
  if (!kata) return <Box />;

  switch (screen.name) {
    case 'kata':
      return <KataContainer kata={kata} state={state} dispatch={dispatch} services={services} width={width} height={height} />;
    case 'confirm-reset':
      return (
        <ConfirmResetScreen
          kata={kata}
          file={services.kataFile(kata)}
          width={width}
          onConfirm={() => {
            services.resetFile(kata);
            dispatch({ type: 'reset-done', kataId: kata.id });
          }}
          onCancel={() => dispatch({ type: 'cancel' })}
        />
      );
    case 'solved':
      return (
        <SolvedScreen
          kata={kata}
          progress={services.progress(kata.id)}
          width={width}
          onExplain={() => dispatch({ type: 'show-explanation' })}
          onDiff={() => dispatch({ type: 'show-diff' })}
          onQuiz={() => dispatch({ type: 'start-quiz' })}
          onNext={() => goNext(kata.id)}
          onBack={() => dispatch({ type: 'home' })}
        />
      );
    case 'explanation':
      return (
        <ExplanationScreen
          kata={kata}
          source={services.explanation(kata)}
          width={width}
          height={height}
          onDiff={() => dispatch({ type: 'show-diff' })}
          onQuiz={() => dispatch({ type: 'start-quiz' })}
          onNext={() => goNext(kata.id)}
          onBack={() => dispatch({ type: 'cancel' })}
        />
      );
    case 'diff':
      return (
        <DiffScreen
          kata={kata}
          mine={services.readFile(services.kataFile(kata))}
          reference={services.solution(kata)}
          width={width}
          height={height}
          onQuiz={() => dispatch({ type: 'start-quiz' })}
          onBack={() => dispatch({ type: 'cancel' })}
        />
      );
    case 'quiz': {
      const quiz = services.quiz(kata);
      return (
        <QuizScreen
          kata={kata}
          quiz={quiz}
          question={screen.question}
          answered={screen.answered}
          width={width}
          onAnswer={(choice) => {
            services.recordQuizAnswer(kata.id, screen.question, choice, Boolean(quiz.questions[screen.question]?.choices[choice]?.correct));
            dispatch({ type: 'quiz-answer', choice });
          }}
          onNext={() => dispatch({ type: 'quiz-next', questions: quiz.questions.length })}
          onBack={() => dispatch({ type: 'cancel' })}
        />
      );
    }
    case 'quiz-done': {
      const quiz = services.quiz(kata);
      const answers = state.answers[kata.id] ?? [];
      const right = quiz.questions.filter((q, i) => answers[i] !== undefined && q.choices[answers[i]!]?.correct).length;
      return (
        <QuizDoneScreen
          kata={kata}
          right={right}
          total={quiz.questions.length}
          nextTitle={nextKata(kata.id)?.title}
          width={width}
          onNext={() => goNext(kata.id)}
          onBack={() => dispatch({ type: 'home' })}
        />
      );
    }
  }
}

interface ContainerProps {
  kata: Kata;
  state: AppState;
  dispatch: (action: Action) => void;
  services: Services;
  width: number;
  height: number;
}

function KataContainer({ kata, state, dispatch, services, width, height }: ContainerProps) {
  const session = useKataSession(kata, services, dispatch);
  const screen = state.screen.name === 'kata' ? state.screen : undefined;
  const shown = state.hints[kata.id] ?? 0;
  return (
    <KataScreen
      kata={kata}
      file={session.file}
      code={session.code}
      view={screen?.view ?? 'code'}
      result={state.results[kata.id]}
      checking={Boolean(state.checking[kata.id])}
      hintsShown={shown}
      notice={state.notice}
      width={width}
      height={height}
      onEdit={() => {
        void services.openEditor(session.file).then((outcome) => {
          session.reload();
          if (!outcome.ok) dispatch({ type: 'notice', text: outcome.error ?? 'The editor did not start', tone: 'error' });
        });
      }}
      onCheck={session.checkNow}
      onHint={() => {
        if (shown >= kata.hints.length) {
          dispatch({ type: 'notice', text: `All ${kata.hints.length} hints are shown.`, tone: 'info' });
          return;
        }
        services.recordHint(kata.id, shown + 1);
        dispatch({ type: 'hint-shown', kataId: kata.id, tier: shown + 1 });
      }}
      onReset={() => dispatch({ type: 'ask-reset' })}
      onToggle={() => dispatch({ type: 'toggle-view' })}
      onBack={() => dispatch({ type: 'home' })}
    />
  );
}

/** Bank question ids to their topics, for the dashboard; none when the questions cannot be read. */
function bankTopics(services: Services): Map<string, string> {
  try {
    return new Map(services.quizPool().flatMap((q) => (q.id.startsWith('bank:') ? [[q.id.slice('bank:'.length), q.topic] as const] : [])));
  } catch {
    return new Map();
  }
}
