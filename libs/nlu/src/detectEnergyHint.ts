import type { AnalysedText } from './analysedText';
import { type Cue, findCues } from './cueMatch';
import type { EnergyHint } from './understanding';

/** "Too slow" asks for more energy although "slow" is a low-energy word, so these go first. */
const COMPLAINTS: readonly Cue<EnergyHint>[] = [
  { value: 'up', pattern: /\btoo (slow|soft|quiet|mellow|chill|boring|sleepy|calm)\b/ },
  { value: 'down', pattern: /\btoo (loud|fast|intense|much|heavy|hard|aggressive|noisy|hyper)\b/ },
];

export const ENERGY_CUES: readonly Cue<EnergyHint>[] = [
  {
    value: 'up',
    pattern:
      /\b(pump me up|pumped|hype|hyped|upbeat|energetic|faster|speed it up|louder|loud|bangers?|turn it up|turn up|crank it|wake me up|high energy|intense|amp me up|amped|get me going|more energy|full of energy|fired up|beast mode)\b/,
  },
  { value: 'up', pattern: /\b(?<!(?:low|no|less|little|lower the) )energy\b/ },
  {
    value: 'down',
    pattern:
      /\b(chill|chilled|chilling|chillin|mellow|calm|calmer|slow it down|slower|slow down|soft|softer|quieter|quiet|tone it down|turn it down|relax|relaxing|sleepy|wind down|winding down|unwind|before bed|gentle|less intense|low energy|lower the energy|calm down|soothing)\b/,
  },
];

/** Whether the listener wants the energy raised or lowered, from the first cue. */
export function detectEnergyHint(text: AnalysedText): EnergyHint | undefined {
  const complaint = findCues(text, COMPLAINTS).find((match) => !match.negated);
  if (complaint) return complaint.value;
  return findCues(text, ENERGY_CUES).find((match) => !match.negated)?.value;
}
