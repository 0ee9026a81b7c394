import { type AnalysedText, tokenAt } from './analysedText';

/** One cue found in a message, and where, so the earliest can win. */
export interface CueMatch<T> {
  value: T;
  index: number;
  length: number;
  /** The first token of the cue lies inside a "not"/"no" scope. */
  negated: boolean;
}

export interface Cue<T> {
  value: T;
  pattern: RegExp;
}

/** Every occurrence of every cue, earliest first (longer first on a tie). */
export function findCues<T>(text: AnalysedText, cues: readonly Cue<T>[]): CueMatch<T>[] {
  const found: CueMatch<T>[] = [];
  for (const cue of cues) {
    const pattern = new RegExp(
      cue.pattern.source,
      cue.pattern.flags.includes('g') ? cue.pattern.flags : `${cue.pattern.flags}g`,
    );
    for (const match of text.joined.matchAll(pattern)) {
      const index = match.index ?? 0;
      const token = text.tokens[tokenAt(text, index)];
      found.push({ value: cue.value, index, length: match[0].length, negated: token?.negated ?? false });
    }
  }
  return found.sort((a, b) => a.index - b.index || b.length - a.length);
}
