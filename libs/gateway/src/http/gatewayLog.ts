/** One structured log entry; written as one JSON line. */
export type GatewayLog = (entry: Record<string, unknown>) => void;

export const jsonLinesToStdout: GatewayLog = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
