/** A voice the station can speak in. */
export interface DjPersona {
  djId: string;
  name: string;
  style: string;
  /** What the persona leans toward when picking and talking. */
  suitedFor: string[];
  default?: boolean;
}

export const DJ_PERSONAS: readonly DjPersona[] = [
  {
    djId: 'nova',
    name: 'Nova',
    style: 'Warm all-rounder: friendly, curious, mixes your favourites with a few discoveries.',
    suitedFor: ['any time', 'everyday listening'],
    default: true,
  },
  {
    djId: 'pulse',
    name: 'Pulse',
    style: 'High-energy hype voice: short lines, fast tempos, keeps you moving.',
    suitedFor: ['workout', 'running', 'party'],
  },
  {
    djId: 'atlas',
    name: 'Atlas',
    style: 'Quiet and steady: few words, even energy, nothing that breaks concentration.',
    suitedFor: ['focus', 'study', 'work'],
  },
  {
    djId: 'ember',
    name: 'Ember',
    style: 'Soft late-night voice: slow, gentle, winds the evening down.',
    suitedFor: ['calm', 'evening', 'sleep'],
  },
];

export const DEFAULT_DJ_ID = 'nova';

export function djPersona(djId: string): DjPersona | undefined {
  return DJ_PERSONAS.find((dj) => dj.djId === djId);
}
