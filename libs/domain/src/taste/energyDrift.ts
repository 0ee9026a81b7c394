/** How far one well-received track pulls the listener's energy toward its own: a tenth of the gap. */
export const ENERGY_DRIFT_RATE = 0.1;

/** A track of unknown energy teaches nothing about energy, so the level stays. */
export function driftEnergy(energyLevel: number, trackEnergy: number | undefined): number {
  if (trackEnergy === undefined) return energyLevel;
  return energyLevel + ENERGY_DRIFT_RATE * (trackEnergy - energyLevel);
}
