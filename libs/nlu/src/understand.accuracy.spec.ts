import { HELD_OUT_UTTERANCES } from './__data__/heldOutUtterances';
import { TEST_VOCABULARY, UTTERANCES, type LabelledUtterance } from './__data__/utterances';
import { understand } from './understand';
import type { Understanding } from './understanding';

/**
 * Accuracy over the labelled set, per field. Each field is scored over the
 * utterances that label it; mood, genres and artists also count what was
 * reported where nothing was labelled ("invented").
 */

interface FieldScore {
  field: string;
  correct: number;
  total: number;
  invented?: number;
  misses: string[];
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((item) => b.includes(item));

function score(
  set: readonly LabelledUtterance[],
  field: string,
  labelled: (u: LabelledUtterance) => unknown,
  got: (r: Understanding) => unknown,
  equal: (want: unknown, have: unknown) => boolean = (want, have) => want === have,
  isEmpty: (value: unknown) => boolean = (value) =>
    value === undefined || (Array.isArray(value) && value.length === 0),
): FieldScore {
  const result: FieldScore = { field, correct: 0, total: 0, invented: 0, misses: [] };
  for (const utterance of set) {
    const understood = understand(utterance.text, TEST_VOCABULARY);
    const want = labelled(utterance);
    const have = got(understood);
    if (isEmpty(want)) {
      if (!isEmpty(have)) {
        result.invented = (result.invented ?? 0) + 1;
        result.misses.push(`+ "${utterance.text}" -> ${JSON.stringify(have)}`);
      }
      continue;
    }
    result.total += 1;
    if (equal(want, have)) result.correct += 1;
    else result.misses.push(`x "${utterance.text}" want ${JSON.stringify(want)} got ${JSON.stringify(have)}`);
  }
  return result;
}

const setEqual = (want: unknown, have: unknown) => sameSet(want as string[], have as string[] | undefined);

const scoreSet = (set: readonly LabelledUtterance[]) => ({
  intent: score(
    set,
    'intent',
    (u) => u.intent,
    (r) => r.intent,
  ),
  mood: score(
    set,
    'mood',
    (u) => u.mood,
    (r) => r.mood,
  ),
  genres: score(
    set,
    'genres',
    (u) => u.genres,
    (r) => r.genres,
    setEqual,
  ),
  negatedGenres: score(
    set,
    'negated genres',
    (u) => u.negatedGenres,
    (r) => r.negated?.genres,
    setEqual,
  ),
  artists: score(
    set,
    'artists',
    (u) => u.artists,
    (r) => r.artists,
    setEqual,
  ),
  activity: score(
    set,
    'activity',
    (u) => u.activity,
    (r) => r.activity,
  ),
  energyHint: score(
    set,
    'energy hint',
    (u) => u.energyHint,
    (r) => r.energyHint,
  ),
  feedback: score(
    set,
    'feedback',
    (u) => u.feedback,
    (r) => r.feedback,
  ),
});

const scores = scoreSet(UTTERANCES);
const heldOut = scoreSet(HELD_OUT_UTTERANCES);

const accuracy = (s: FieldScore) => (s.total === 0 ? 1 : s.correct / s.total);

describe('understand: accuracy over the labelled set', () => {
  beforeAll(() => {
    const table = (title: string, set: ReturnType<typeof scoreSet>) => [
      title,
      'field           acc    correct  invented (reported where none labelled)',
      ...Object.values(set).map(
        (s) =>
          `${s.field.padEnd(15)} ${accuracy(s).toFixed(3)}  ${String(s.correct).padStart(3)}/${String(s.total).padEnd(3)}  invented ${s.invented ?? 0}`,
      ),
    ];
    const misses = (set: ReturnType<typeof scoreSet>) =>
      Object.values(set).flatMap((s) => s.misses.map((miss) => `[${s.field}] ${miss}`));
    console.log(
      [
        ...table(
          `labelled set (${UTTERANCES.length} utterances; rules were written with it in view)`,
          scores,
        ),
        '',
        ...table(`held-out set (${HELD_OUT_UTTERANCES.length} utterances; never tuned against)`, heldOut),
        '',
        'misses, labelled set:',
        ...misses(scores),
        '',
        'misses, held-out set:',
        ...misses(heldOut),
      ].join('\n'),
    );
  });

  it('has at least 200 labelled utterances', () => {
    expect(UTTERANCES.length).toBeGreaterThanOrEqual(200);
  });

  it('gets the intent right at least 90% of the time', () => {
    expect(accuracy(scores.intent)).toBeGreaterThanOrEqual(0.9);
  });

  it('gets the mood right at least 85% of the time where one is labelled', () => {
    expect(accuracy(scores.mood)).toBeGreaterThanOrEqual(0.85);
  });

  it('rarely invents a mood where none is labelled', () => {
    const unlabelled = UTTERANCES.filter((u) => !u.mood).length;
    expect((scores.mood.invented ?? 0) / unlabelled).toBeLessThanOrEqual(0.1);
  });

  it('gets the exact genre set right at least 90% of the time where genres are labelled', () => {
    expect(accuracy(scores.genres)).toBeGreaterThanOrEqual(0.9);
  });
});
