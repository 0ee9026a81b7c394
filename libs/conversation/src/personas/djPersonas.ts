import type { DjPersona } from '@qfzz/contracts';
import { ATLAS } from './atlas';
import { EMBER } from './ember';
import { NOVA } from './nova';
import type { PersonaDefinition } from './phrasebook';
import { PULSE } from './pulse';

/** The DJs a listener can choose from (`GET /v1/djs`); the first is the station's default. */
export const DJ_PERSONAS: readonly PersonaDefinition[] = [NOVA, PULSE, ATLAS, EMBER];

export const DEFAULT_DJ_ID = NOVA.djId;

/** The persona for a listener's choice; the default for none or an id no longer offered. */
export function personaFor(djId: string | undefined): PersonaDefinition {
  return DJ_PERSONAS.find((persona) => persona.djId === djId) ?? NOVA;
}

/** What the `personas` query answers (the contract's shape, no phrasebooks). */
export function describePersonas(): DjPersona[] {
  return DJ_PERSONAS.map(({ djId, name, style }) => ({ djId, name, style }));
}
