import type { AnalysedText } from './analysedText';
import { type Cue, findCues } from './cueMatch';
import type { Activity } from './understanding';

/**
 * What the listener is doing. "At work" alone is not an activity ("rough day
 * at work" is a mood); focusing at work, coding or deep work is.
 */
export const ACTIVITY_CUES: readonly Cue<Activity>[] = [
  {
    value: 'working_out',
    pattern:
      /\b(gym|workout|workouts|work out|working out|exercise|exercising|running|jog|jogging|jogs|cardio|lifting|weights|spin class|hiit|crossfit|marathon|treadmill|cycling|bike ride|(?:my|a|morning|evening|long|quick|the) run|run(?= [!?.]|$))\b/,
  },
  {
    value: 'cooking',
    pattern:
      /\b(cook|cooking|cooks|making (?:dinner|lunch|breakfast)|in the kitchen|baking|bake|meal prep)\b/,
  },
  {
    value: 'winding_down',
    pattern:
      /\b(wind down|winding down|unwind|unwinding|before bed|bedtime|(?:going|ready|get|off) (?:to|for) bed|fall asleep|falling asleep|to sleep|for sleep|end of the day)\b/,
  },
  {
    value: 'studying',
    pattern:
      /\b(study|studying|studies|exam|exams|homework|revision|revising|cramming|finals|thesis|essay)\b/,
  },
  {
    value: 'working',
    pattern:
      /\b(coding|programming|deep work|work done|(?:focus|focusing|concentrate|productive) (?:at|on|for) work|(?<!get )(?<!working )working(?! out)|at the office|spreadsheets?|on a deadline)\b/,
  },
  {
    value: 'party',
    pattern:
      /\b(party|partying|parties|pregame|pre - game|pregaming|clubbing|rave|birthday|celebration|get together)\b/,
  },
];

/** The first activity the message names. */
export function detectActivity(text: AnalysedText): Activity | undefined {
  return findCues(text, ACTIVITY_CUES).find((match) => !match.negated)?.value;
}
