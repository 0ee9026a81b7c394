import { slotNumber, type PhrasingSeed } from './phrasingSeed';

export type TemplateValues = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Placeholders that may be left empty: the filler drops them with the comma or space before them. */
const DROPPABLE = new Set(['name']);

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** Can every placeholder of this template be filled? */
export function fits(template: string, values: TemplateValues): boolean {
  return placeholdersOf(template).every((key) => DROPPABLE.has(key) || (values[key] ?? '') !== '');
}

export function fillTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(/(,\s*|\s+)?\{([a-zA-Z]+)\}/g, (whole, before: string | undefined, key: string) => {
      const value = values[key];
      if (value === undefined || value === '') return DROPPABLE.has(key) ? '' : whole;
      return `${before ?? ''}${value}`;
    })
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/^[,\s]+/, '')
    .replace(/^./, (first) => first.toUpperCase())
    .trim();
}

/**
 * One variant of a table, filled: chosen by the seed among the variants whose
 * placeholders can all be filled. An empty variant ("say nothing here") and a
 * table with nothing that fits give ''.
 */
export function pickPhrase(
  table: readonly string[] | undefined,
  seed: PhrasingSeed,
  slot: string,
  values: TemplateValues,
): string {
  const usable = (table ?? []).filter((template) => fits(template, values));
  if (usable.length === 0) return '';
  const template = usable[slotNumber(seed, slot) % usable.length];
  return fillTemplate(template, values);
}

/** Sentences joined with single spaces, empty ones left out. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .join(' ');
}
