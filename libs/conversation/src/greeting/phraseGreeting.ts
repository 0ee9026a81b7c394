import type { PersonaDefinition } from '../personas/phrasebook';
import { countOf } from '../phrasing/describeTracks';
import { joinSentences, pickPhrase, type TemplateValues } from '../phrasing/fillTemplate';
import type { PhrasingSeed } from '../phrasing/phrasingSeed';
import type { GreetingFacts } from './greetingFacts';
import { relationshipLength } from './relationshipLength';

/** The greeting in the persona's voice: introduction for someone new; for a returning listener how long, how often, a milestone, and a line that follows trust. */
export function phraseGreeting(facts: GreetingFacts, persona: PersonaDefinition, seed: PhrasingSeed): string {
  const book = persona.phrasebook.greeting;
  const values: TemplateValues = { dj: persona.name, name: facts.name, topGenre: facts.topGenre };
  const say = (table: readonly string[], slot: string, extra: TemplateValues = {}) =>
    pickPhrase(table, seed, slot, { ...values, ...extra });
  if (facts.isNew) return joinSentences([say(book.newListener, 'new')]);
  return joinSentences([
    say(book.returning, 'returning'),
    say(book.together, 'together', {
      sessions: countOf(facts.sessionsShared, 'session', 'sessions'),
      since: relationshipLength(facts.daysTogether),
    }),
    facts.milestone ? say(book.milestone, 'milestone', { count: String(facts.milestone) }) : '',
    say(book.byTrust[facts.trustLevel], 'trust'),
  ]);
}
