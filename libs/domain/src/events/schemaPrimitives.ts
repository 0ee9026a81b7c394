import { z } from 'zod';

/** Weights, energies and ratings all live on 0..1; out of range is an error, never clamped. */
export const unitIntervalSchema = z.number().min(0).max(1);

/** A free label such as a genre, an artist's name, a mood or an activity. */
export const labelSchema = z.string().trim().min(1).max(200);

export const weightMapSchema = z.record(z.string().min(1).max(200), unitIntervalSchema);

export const TRACK_TEMPOS = ['slow', 'medium', 'fast'] as const;
export type TrackTempo = (typeof TRACK_TEMPOS)[number];
export const trackTempoSchema = z.enum(TRACK_TEMPOS);

/** A listener may also like everything: `varied` is a preference, not a track's tempo. */
export const TEMPO_PREFERENCES = [...TRACK_TEMPOS, 'varied'] as const;
export type TempoPreference = (typeof TEMPO_PREFERENCES)[number];
export const tempoPreferenceSchema = z.enum(TEMPO_PREFERENCES);

export const hourOfDaySchema = z.number().int().min(0).max(23);

export const timestampSchema = z.string().datetime({ offset: true });
