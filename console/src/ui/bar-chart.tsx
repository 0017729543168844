/**
 * A small grouped bar chart in SVG: one group per label, one bar per series. It is an image with a
 * text alternative; the same figures are in a table under it for screen readers and keyboard users.
 */
import { useId } from 'react';

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

export function BarChart(props: {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly Series[];
  readonly format: (n: number) => string;
  /** Vertical lines across the bars, `at` counted in groups from the left (1.5: the middle of the second). */
  readonly markers?: readonly { readonly at: number; readonly label: string }[];
  /** At most this many labels under the groups (every n-th shown) when there are more groups. */
  readonly maxLabels?: number;
}) {
  const id = useId();
  const width = 640;
  const height = 240;
  const pad = { top: 16, bottom: 48, left: 48, right: 8 };
  const max = Math.max(1, ...props.series.flatMap((s) => s.values));
  const groupWidth = (width - pad.left - pad.right) / Math.max(1, props.labels.length);
  const barWidth = Math.min(48, Math.max(4, (groupWidth - 12) / Math.max(1, props.series.length)));
  const offset = Math.max(0, (groupWidth - 12 - barWidth * props.series.length) / 2);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const labelEvery = Math.max(1, Math.ceil(props.labels.length / (props.maxLabels ?? props.labels.length)));
  return (
    <figure>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{props.title}</title>
        {/* A gridline at 0, the top and half, each value once (a top of 1 has no half of its own). */}
        {[0, 1, 0.5]
          .filter((f, i, all) => all.findIndex((g) => Math.round(max * g) === Math.round(max * f)) === i)
          .map((f) => (
            <g key={f}>
              <line x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} stroke="#e5e7eb" />
              <text x={pad.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#4b5563">
                {props.format(Math.round(max * f))}
              </text>
            </g>
          ))}
        {props.labels.map((label, i) => (
          <g key={label} transform={`translate(${pad.left + i * groupWidth + 6 + offset},0)`}>
            {props.series.map((s, j) => {
              const v = s.values[i] ?? 0;
              return (
                <rect
                  key={s.name}
                  x={j * barWidth}
                  y={y(v)}
                  width={barWidth - 2}
                  height={y(0) - y(v)}
                  fill={s.color}
                />
              );
            })}
            {i % labelEvery === 0 && (
              <text
                x={(barWidth * props.series.length) / 2}
                y={height - pad.bottom + 16}
                textAnchor="middle"
                fontSize="11"
                fill="#1f2937"
              >
                {label.length > 14 ? `${label.slice(0, 13)}…` : label}
              </text>
            )}
          </g>
        ))}
        {props.markers?.map((m) => {
          const x = pad.left + m.at * groupWidth;
          return (
            <g key={m.label}>
              <line
                x1={x}
                x2={x}
                y1={pad.top}
                y2={height - pad.bottom}
                stroke="#b91c1c"
                strokeDasharray="4 3"
              />
              <text x={x + 3} y={pad.top + 10} fontSize="11" fill="#991b1b">
                {m.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {props.series.map((s) => (
          <span key={s.name} className="legend-item">
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
