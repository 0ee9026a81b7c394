/** Upper bounds (seconds) of the request duration histogram. */
export const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * The gateway's Prometheus metrics, written in the text exposition format by
 * hand: requests by route and status, request durations by route, and events
 * appended by type.
 */
export class GatewayMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly appended = new Map<string, number>();

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const histogram = this.durations.get(route) ?? {
      counts: DURATION_BUCKETS.map(() => 0),
      sum: 0,
      count: 0,
    };
    DURATION_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i]++;
    });
    histogram.sum += seconds;
    histogram.count++;
    this.durations.set(route, histogram);
  }

  countAppended(events: readonly { type: string }[]): void {
    for (const { type } of events) this.appended.set(type, (this.appended.get(type) ?? 0) + 1);
  }

  render(gauges: Record<string, { help: string; value: number }> = {}): string {
    const lines: string[] = [];
    lines.push('# HELP qfzz_http_requests_total HTTP requests by method, route and status.');
    lines.push('# TYPE qfzz_http_requests_total counter');
    for (const [key, count] of this.requests) {
      const [method, route, status] = key.split('\u0000');
      lines.push(
        `qfzz_http_requests_total{method="${esc(method)}",route="${esc(route)}",status="${status}"} ${count}`,
      );
    }
    lines.push('# HELP qfzz_http_request_duration_seconds HTTP request duration by route.');
    lines.push('# TYPE qfzz_http_request_duration_seconds histogram');
    for (const [route, h] of this.durations) {
      const r = esc(route);
      DURATION_BUCKETS.forEach((bound, i) =>
        lines.push(`qfzz_http_request_duration_seconds_bucket{route="${r}",le="${bound}"} ${h.counts[i]}`),
      );
      lines.push(`qfzz_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      lines.push(`qfzz_http_request_duration_seconds_sum{route="${r}"} ${h.sum}`);
      lines.push(`qfzz_http_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    lines.push('# HELP qfzz_events_appended_total Events the gateway appended to the log, by type.');
    lines.push('# TYPE qfzz_events_appended_total counter');
    for (const [type, count] of this.appended)
      lines.push(`qfzz_events_appended_total{type="${esc(type)}"} ${count}`);
    for (const [name, gauge] of Object.entries(gauges)) {
      lines.push(`# HELP ${name} ${gauge.help}`);
      lines.push(`# TYPE ${name} gauge`);
      lines.push(`${name} ${gauge.value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

function esc(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
