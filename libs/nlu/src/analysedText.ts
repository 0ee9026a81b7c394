import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * One message after wink-nlp has read it: tokens in normal form (lower-case,
 * contractions expanded: "don't" -> "do not", accents folded) joined with
 * single spaces, so the cue lexicons can be plain regular expressions, plus
 * wink's per-token negation flag and part of speech and its sentence sentiment.
 */
export interface AnalysedText {
  /** Normal forms joined by single spaces: "i do not like rap". */
  readonly joined: string;
  readonly tokens: readonly AnalysedToken[];
  /** wink's sentiment, -1..1. */
  readonly sentiment: number;
}

export interface AnalysedToken {
  readonly normal: string;
  /** The token as typed (case kept). */
  readonly original: string;
  readonly lemma: string;
  readonly pos: string;
  readonly kind: string;
  /** Inside the scope of a "not"/"no"/"never", by wink's negation model. */
  readonly negated: boolean;
  /** Offset of the token in `joined`. */
  readonly start: number;
}

// Building the wink pipeline costs ~100 ms; do it once per process, on first use.
let nlp: WinkMethods | undefined;
function pipeline(): WinkMethods {
  nlp ??= winkNLP(model);
  return nlp;
}

/** "Beyoncé" and "beyonce" are the same word to a listener. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function analyseText(text: string): AnalysedText {
  const engine = pipeline();
  const its = engine.its;
  // Curly apostrophes from phones would otherwise stop contraction handling.
  const doc = engine.readDoc(text.replace(/[\u2018\u2019]/g, "'"));
  const tokens = doc.tokens();
  const normals = tokens.out(its.normal) as string[];
  const originals = tokens.out(its.value) as string[];
  // wink's typings for its.lemma disagree with tokens.out's; it works at run time.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.normal) as string[];
  const pos = tokens.out(its.pos) as string[];
  const kinds = tokens.out(its.type) as string[];
  const negations = tokens.out(its.negationFlag) as unknown as boolean[];

  const analysed: AnalysedToken[] = [];
  let offset = 0;
  normals.forEach((raw, index) => {
    const normal = foldAccents(raw.toLowerCase());
    analysed.push({
      normal,
      original: originals[index] ?? raw,
      lemma: foldAccents((lemmas[index] ?? raw).toLowerCase()),
      pos: pos[index] ?? 'X',
      kind: kinds[index] ?? 'word',
      negated: Boolean(negations[index]),
      start: offset,
    });
    offset += normal.length + 1;
  });
  return {
    joined: analysed.map((token) => token.normal).join(' '),
    tokens: analysed,
    sentiment: Number(doc.out(its.sentiment)) || 0,
  };
}

/** The index of the token that covers `offset` in `joined`. */
export function tokenAt(text: AnalysedText, offset: number): number {
  let found = 0;
  for (let index = 0; index < text.tokens.length; index += 1) {
    if (text.tokens[index].start <= offset) found = index;
    else break;
  }
  return found;
}
