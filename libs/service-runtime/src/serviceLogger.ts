/** One JSON line per event, with the service and process, for log collectors. */
export type ServiceLogger = (message: string, extra?: Record<string, unknown>) => void;

export function serviceLogger(service: string, write: (line: string) => void = console.log): ServiceLogger {
  return (message, extra = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), service, pid: process.pid, message, ...extra }));
}
