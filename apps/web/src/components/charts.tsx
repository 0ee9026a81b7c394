// Small, dependency-free SVG/CSS charts for the taste profile.
import type { TrustLevel } from '../api/types';

const pct = (v: number) => `${Math.round(Math.max(0, Math.min(1, v)) * 100)}%`;

/** Horizontal bars, one per key; values 0..1. Each bar carries its value for tests and screen readers. */
export function Bars(props: { items: [string, number][]; testId: string; empty?: string; hue?: number }) {
  if (props.items.length === 0) return <p className="muted">{props.empty ?? 'Nothing yet.'}</p>;
  return (
    <ul className="bars" data-testid={props.testId}>
      {props.items.map(([key, value]) => (
        <li
          key={key}
          className="bar-row"
          data-testid={`${props.testId}-${key}`}
          data-key={key}
          data-value={value.toFixed(4)}
        >
          <span className="bar-label" title={key}>
            {key}
          </span>
          <span
            className="bar-track"
            role="meter"
            aria-label={key}
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={Number(value.toFixed(3))}
          >
            <span
              className="bar-fill"
              style={{
                width: pct(value),
                ...(props.hue === undefined ? {} : { filter: `hue-rotate(${props.hue}deg)` }),
              }}
            />
          </span>
          <span className="bar-value">{Math.round(value * 100)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A radar of up to ~8 axes; values 0..1. */
export function Radar(props: { items: [string, number][]; size?: number; testId: string }) {
  const size = props.size ?? 240;
  const c = size / 2;
  const r = c - 42;
  const n = props.items.length;
  if (n < 3)
    return (
      <Bars items={props.items} testId={props.testId} empty="Moods appear after a few reactions." hue={140} />
    );
  const point = (i: number, v: number) => {
    const a = (Math.PI * 2 * i) / n - Math.PI / 2;
    return [c + Math.cos(a) * r * v, c + Math.sin(a) * r * v] as const;
  };
  const ring = (v: number) => props.items.map((_, i) => point(i, v).join(',')).join(' ');
  const shape = props.items.map(([, v], i) => point(i, Math.max(0.02, Math.min(1, v))).join(',')).join(' ');
  return (
    <svg
      className="radar"
      viewBox={`0 0 ${size} ${size}`}
      width="100%"
      style={{ maxWidth: size }}
      data-testid={props.testId}
      role="img"
      aria-label="mood radar"
    >
      {[0.25, 0.5, 0.75, 1].map((v) => (
        <polygon key={v} points={ring(v)} className="radar-ring" />
      ))}
      {props.items.map((_, i) => {
        const [x, y] = point(i, 1);
        return <line key={i} x1={c} y1={c} x2={x} y2={y} className="radar-axis" />;
      })}
      <polygon points={shape} className="radar-shape" />
      {props.items.map(([key, v], i) => {
        const [x, y] = point(i, 1.2);
        const [px, py] = point(i, Math.max(0.02, Math.min(1, v)));
        return (
          <g key={key} data-testid={`${props.testId}-${key}`} data-value={v.toFixed(4)}>
            <circle cx={px} cy={py} r={3.5} className="radar-dot" />
            <text x={x} y={y} textAnchor="middle" dominantBaseline="middle" className="radar-label">
              {key}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A half-circle gauge for a 0..1 value (energy, discovery). */
export function Gauge(props: { label: string; value: number; low: string; high: string; testId: string }) {
  const v = Math.max(0, Math.min(1, props.value));
  const angle = Math.PI * (1 - v);
  const x = 60 + Math.cos(angle) * 46;
  const y = 60 - Math.sin(angle) * 46;
  return (
    <figure className="gauge" data-testid={props.testId} data-value={v.toFixed(4)}>
      <svg
        viewBox="0 0 120 70"
        width="100%"
        role="img"
        aria-label={`${props.label} ${Math.round(v * 100)} percent`}
      >
        <path d="M14 60 A46 46 0 0 1 106 60" className="gauge-track" />
        {v > 0.001 && (
          <path d={`M14 60 A46 46 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`} className="gauge-fill" />
        )}
        <circle cx={x} cy={y} r={5} className="gauge-knob" />
        <text x="60" y="56" textAnchor="middle" className="gauge-value">
          {Math.round(v * 100)}
        </text>
      </svg>
      <figcaption>
        <strong>{props.label}</strong>
        <span className="muted">
          {props.low} · {props.high}
        </span>
      </figcaption>
    </figure>
  );
}

export const TRUST_LEVELS: { level: TrustLevel; min: number; label: string }[] = [
  { level: 'stranger', min: 0, label: 'Stranger' },
  { level: 'acquaintance', min: 0.3, label: 'Acquaintance' },
  { level: 'friend', min: 0.5, label: 'Friend' },
  { level: 'close_friend', min: 0.7, label: 'Close friend' },
  { level: 'best_friend', min: 0.9, label: 'Best friend' },
];

export function trustLabel(level: string): string {
  return TRUST_LEVELS.find((l) => l.level === level)?.label ?? level;
}

/** The trust score on a bar split into its levels, with the current level lit. */
export function TrustMeter(props: { score: number; level: string; community?: number }) {
  const score = Math.max(0, Math.min(1, props.score));
  return (
    <div className="trust" data-testid="trust-meter" data-value={score.toFixed(4)} data-level={props.level}>
      <div className="trust-bar">
        {TRUST_LEVELS.map((l, i) => {
          const max = TRUST_LEVELS[i + 1]?.min ?? 1;
          return (
            <div
              key={l.level}
              className={`trust-seg ${l.level === props.level ? 'lit' : score >= max ? 'past' : ''}`}
              style={{ flexGrow: max - l.min }}
              title={l.label}
            >
              <span>{l.label}</span>
            </div>
          );
        })}
        <div className="trust-marker" style={{ left: pct(score) }} />
      </div>
      <p className="trust-caption">
        <strong>{trustLabel(props.level)}</strong> · trust {Math.round(score * 100)}%
        {props.community !== undefined && (
          <span className="muted"> · with your community {Math.round(props.community * 100)}%</span>
        )}
      </p>
    </div>
  );
}

export interface SparkSeries {
  key: string;
  values: number[];
  color: string;
}

/** Several 0..1 series over the same snapshots, as lines with a legend. */
export function Sparkline(props: { series: SparkSeries[]; height?: number; testId: string }) {
  const width = 320;
  const height = props.height ?? 90;
  const length = Math.max(0, ...props.series.map((s) => s.values.length));
  if (length < 2) return <p className="muted">The lines appear after your next reactions.</p>;
  const x = (i: number) => 6 + (i * (width - 12)) / (length - 1);
  const y = (v: number) => height - 6 - Math.max(0, Math.min(1, v)) * (height - 12);
  return (
    <div className="spark" data-testid={props.testId} data-points={length}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="none"
        role="img"
        aria-label="how your taste moved"
      >
        {[0.25, 0.5, 0.75].map((v) => (
          <line key={v} x1={0} x2={width} y1={y(v)} y2={y(v)} className="spark-grid" />
        ))}
        {props.series.map((s) => (
          <polyline
            key={s.key}
            points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
            fill="none"
            stroke={s.color}
            strokeWidth={2.2}
            strokeLinejoin="round"
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <ul className="legend">
        {props.series.map((s) => (
          <li key={s.key}>
            <i style={{ background: s.color }} />
            {s.key}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const PALETTE = [
  '#ff7a59',
  '#7c5cff',
  '#2ec4b6',
  '#ffc145',
  '#ff4f8b',
  '#4ea8de',
  '#9bde7e',
  '#c77dff',
];
