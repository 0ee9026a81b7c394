import { MOODS, type Mood, type TrackTempo } from '@qfzz/domain';

/**
 * What the moment asks of a track, independent of the listener's lasting
 * taste: the hour (an energy curve over the day), an activity the listener
 * named (`working_out`, `studying`, ...) and the session mood (from the
 * conversation or the request). Each is optional; together they become one
 * `ContextTarget` the scorer compares every track against.
 */
export interface ListeningContextInput {
  /** 0..23, the listener's local hour. */
  hour?: number;
  activity?: string;
  mood?: string;
}

export type Activity = 'working_out' | 'party' | 'studying' | 'working' | 'winding_down';

/** Where the strongest part of the context came from: it names the reason a listener reads. */
export type ContextSource = 'activity' | 'mood' | 'hour';

export interface ContextTarget {
  /** 0..1, the energy the moment wants; undefined when nothing asks for one. */
  energy?: number;
  /** How much energy counts against the other context features. */
  energyWeight: number;
  tempo?: TrackTempo;
  tempoWeight: number;
  /** Track mood -> how well it fits the moment (0..1); absent moods fit 0. */
  moods: Readonly<Record<string, number>>;
  moodWeight: number;
  valence?: number;
  valenceWeight: number;
  danceability?: number;
  danceabilityWeight: number;
  /** How much the context weighs in the blended score (0 = no context given). */
  strength: number;
  /** The part that names the reason ("high energy for your workout"). */
  source?: ContextSource;
  /** The reason, in words, when context is a pick's strongest part. */
  phrase?: string;
}

interface ContextPart {
  energy?: number;
  tempo?: TrackTempo;
  moods: Record<string, number>;
  valence?: number;
  danceability?: number;
  phrase: string;
}

/** What each activity asks for. Studying and working want mid energy, calm-to-focused moods and little to dance to. */
export const ACTIVITY_TARGETS: Readonly<Record<Activity, ContextPart>> = {
  working_out: {
    energy: 0.9,
    tempo: 'fast',
    moods: { energetic: 1, angry: 0.7, happy: 0.6 },
    danceability: 0.7,
    phrase: 'high energy for your workout',
  },
  party: {
    energy: 0.8,
    tempo: 'fast',
    moods: { happy: 1, energetic: 1, romantic: 0.3 },
    valence: 0.75,
    danceability: 0.85,
    phrase: 'made for the party',
  },
  studying: {
    energy: 0.35,
    moods: { focused: 1, calm: 0.8 },
    valence: 0.5,
    danceability: 0.3,
    phrase: 'steady and focused for studying',
  },
  working: {
    energy: 0.45,
    moods: { focused: 1, calm: 0.6, happy: 0.4 },
    danceability: 0.4,
    phrase: 'keeps you focused while you work',
  },
  winding_down: {
    energy: 0.15,
    tempo: 'slow',
    moods: { calm: 1, romantic: 0.6, sad: 0.4 },
    valence: 0.4,
    danceability: 0.3,
    phrase: 'calm, for winding down',
  },
};

/** Words listeners and the NLU use for the same activities. */
const ACTIVITY_SYNONYMS: Readonly<Record<string, Activity>> = {
  working_out: 'working_out',
  workout: 'working_out',
  work_out: 'working_out',
  exercise: 'working_out',
  exercising: 'working_out',
  gym: 'working_out',
  running: 'working_out',
  training: 'working_out',
  party: 'party',
  partying: 'party',
  dancing: 'party',
  studying: 'studying',
  study: 'studying',
  reading: 'studying',
  working: 'working',
  work: 'working',
  focus: 'working',
  coding: 'working',
  winding_down: 'winding_down',
  wind_down: 'winding_down',
  relaxing: 'winding_down',
  relax: 'winding_down',
  chilling: 'winding_down',
  sleep: 'winding_down',
  sleeping: 'winding_down',
};

/** `Working out`, `working-out` and `workout` are one activity; an unknown word gives undefined. */
export function normaliseActivity(activity: string | undefined): Activity | undefined {
  if (!activity) return undefined;
  const key = activity
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ACTIVITY_SYNONYMS[key];
}

/** What each session mood asks for: its own mood first, kindred moods after. */
export const MOOD_TARGETS: Readonly<Record<Mood, ContextPart>> = {
  energetic: {
    energy: 0.8,
    moods: { energetic: 1, happy: 0.6, angry: 0.5 },
    phrase: 'matches your energetic mood',
  },
  happy: {
    valence: 0.8,
    moods: { happy: 1, energetic: 0.6, romantic: 0.5 },
    phrase: 'matches your happy mood',
  },
  calm: { energy: 0.3, moods: { calm: 1, romantic: 0.6, focused: 0.5 }, phrase: 'matches your calm mood' },
  sad: {
    energy: 0.3,
    valence: 0.2,
    moods: { sad: 1, calm: 0.5, romantic: 0.4 },
    phrase: 'matches your sad mood',
  },
  focused: { energy: 0.45, moods: { focused: 1, calm: 0.6 }, phrase: 'matches your focused mood' },
  angry: {
    energy: 0.85,
    valence: 0.3,
    moods: { angry: 1, energetic: 0.7 },
    phrase: 'matches your angry mood',
  },
  romantic: {
    energy: 0.4,
    valence: 0.6,
    moods: { romantic: 1, calm: 0.6, happy: 0.5 },
    phrase: 'matches your romantic mood',
  },
};

export function normaliseMood(mood: string | undefined): Mood | undefined {
  if (!mood) return undefined;
  const key = mood.trim().toLowerCase();
  return (MOODS as readonly string[]).includes(key) ? (key as Mood) : undefined;
}

/**
 * The energy a moment of the day calls for, hour by hour: low in the small
 * hours, rising through the morning, highest in the afternoon and early
 * evening, easing off late at night.
 */
export const HOUR_ENERGY: readonly number[] = [
  0.25,
  0.2,
  0.2,
  0.2,
  0.25,
  0.3, // 0-5
  0.4,
  0.5,
  0.55,
  0.6,
  0.6,
  0.65, // 6-11
  0.65,
  0.6,
  0.6,
  0.65,
  0.7,
  0.7, // 12-17
  0.7,
  0.65,
  0.55,
  0.45,
  0.35,
  0.3, // 18-23
];

export function hourPhrase(hour: number): string {
  if (hour < 5) return 'easy listening for the small hours';
  if (hour < 11) return 'a lift for your morning';
  if (hour < 17) return 'keeps your afternoon going';
  if (hour < 21) return 'for your evening';
  return 'easy listening for late night';
}

/** How much each source weighs in the blended score: a named activity is an explicit ask, the clock a hint. */
export const CONTEXT_STRENGTH: Readonly<Record<ContextSource, number>> = {
  activity: 0.3,
  mood: 0.15,
  hour: 0.08,
};
const MAX_CONTEXT_STRENGTH = 0.4;

/**
 * Merges the hour, the activity and the session mood into one target. Where
 * two ask for the same feature (energy), the stronger source counts more.
 */
export function contextTarget(input: ListeningContextInput): ContextTarget {
  const parts: { source: ContextSource; part: ContextPart }[] = [];
  const activity = normaliseActivity(input.activity);
  if (activity) parts.push({ source: 'activity', part: ACTIVITY_TARGETS[activity] });
  const mood = normaliseMood(input.mood);
  if (mood) parts.push({ source: 'mood', part: MOOD_TARGETS[mood] });
  if (input.hour !== undefined && Number.isInteger(input.hour) && input.hour >= 0 && input.hour <= 23)
    parts.push({
      source: 'hour',
      part: { energy: HOUR_ENERGY[input.hour], moods: {}, phrase: hourPhrase(input.hour) },
    });

  const target: ContextTarget = {
    energyWeight: 0,
    tempoWeight: 0,
    moods: {},
    moodWeight: 0,
    valenceWeight: 0,
    danceabilityWeight: 0,
    strength: 0,
  };
  if (parts.length === 0) return target;

  const average = (pick: (p: ContextPart) => number | undefined): { value?: number; weight: number } => {
    let sum = 0;
    let weight = 0;
    for (const { source, part } of parts) {
      const value = pick(part);
      if (value === undefined) continue;
      sum += CONTEXT_STRENGTH[source] * value;
      weight += CONTEXT_STRENGTH[source];
    }
    return weight === 0 ? { weight: 0 } : { value: sum / weight, weight };
  };
  const energy = average((p) => p.energy);
  target.energy = energy.value;
  target.energyWeight = energy.weight * 2; // energy is what a moment is felt as most
  const valence = average((p) => p.valence);
  target.valence = valence.value;
  target.valenceWeight = valence.weight;
  const danceability = average((p) => p.danceability);
  target.danceability = danceability.value;
  target.danceabilityWeight = danceability.weight * 0.5;

  const tempoSource = parts.find((p) => p.part.tempo !== undefined);
  if (tempoSource) {
    target.tempo = tempoSource.part.tempo;
    target.tempoWeight = CONTEXT_STRENGTH[tempoSource.source];
  }

  const moods: Record<string, number> = {};
  let moodWeight = 0;
  for (const { source, part } of parts) {
    if (Object.keys(part.moods).length === 0) continue;
    moodWeight += CONTEXT_STRENGTH[source];
    for (const [name, fit] of Object.entries(part.moods))
      moods[name] = (moods[name] ?? 0) + CONTEXT_STRENGTH[source] * fit;
  }
  for (const name of Object.keys(moods)) moods[name] /= moodWeight;
  target.moods = moods;
  target.moodWeight = moodWeight;

  target.strength = Math.min(
    MAX_CONTEXT_STRENGTH,
    parts.reduce((sum, { source }) => sum + CONTEXT_STRENGTH[source], 0),
  );
  target.source = parts[0].source;
  target.phrase = parts[0].part.phrase;
  return target;
}

/** Features of one track, as the context compares them; NaN or undefined = unknown. */
export interface ContextFeatures {
  energy?: number;
  valence?: number;
  danceability?: number;
  tempo?: TrackTempo;
  mood?: string;
}

const closeness = (value: number | undefined, target: number): number =>
  value === undefined || Number.isNaN(value) ? 0.5 : 1 - Math.abs(value - target);

/**
 * How well one track fits the moment, 0..1: a weighted mean of energy,
 * tempo, mood, valence and danceability closeness (unknown features count
 * 0.5). The generator computes the same thing inline over the columns.
 */
export function contextFit(target: ContextTarget, track: ContextFeatures): number {
  if (target.strength === 0) return 0;
  const total =
    target.energyWeight +
      target.tempoWeight +
      target.moodWeight +
      target.valenceWeight +
      target.danceabilityWeight || 1;
  let sum = 0;
  if (target.energy !== undefined) sum += target.energyWeight * closeness(track.energy, target.energy);
  if (target.tempo !== undefined)
    sum += target.tempoWeight * (track.tempo === undefined ? 0.5 : tempoFit(target.tempo, track.tempo));
  sum += target.moodWeight * (track.mood === undefined ? 0.5 : (target.moods[track.mood] ?? 0));
  if (target.valence !== undefined) sum += target.valenceWeight * closeness(track.valence, target.valence);
  if (target.danceability !== undefined)
    sum += target.danceabilityWeight * closeness(track.danceability, target.danceability);
  return sum / total;
}

const TEMPO_STEP: Readonly<Record<TrackTempo, number>> = { slow: 0, medium: 1, fast: 2 };

/** 1 for the wanted tempo, 0.5 one step away, 0 two steps away. */
export function tempoFit(wanted: TrackTempo, tempo: TrackTempo): number {
  const steps = Math.abs(TEMPO_STEP[wanted] - TEMPO_STEP[tempo]);
  return steps === 0 ? 1 : steps === 1 ? 0.5 : 0;
}
