import type { MonthRow } from '../core/report/table.js';

// Received against followed up per month, as SVG drawn on the server: no script, no library.
// Colours come from the stylesheet (classes), since the CSP allows no inline style.

const BAR = 14;
const GAP = 4;
const GROUP = 2 * BAR + GAP + 18;
const HEIGHT = 200;
const TOP = 10;
const BOTTOM = 40;
const LEFT = 40;

export function ReceivedChart(props: { rows: readonly MonthRow[]; titleId: string }) {
  const totals = props.rows.filter((r) => r.category === 'totaal');
  const max = Math.max(1, ...totals.map((r) => r.received));
  const scale = (n: number): number => Math.round((n / max) * HEIGHT);
  const width = LEFT + totals.length * GROUP + 10;
  const descId = `${props.titleId}-uitleg`;
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${props.titleId} ${descId}`}
      viewBox={`0 0 ${width} ${TOP + HEIGHT + BOTTOM}`}
      width={width}
      height={TOP + HEIGHT + BOTTOM}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={props.titleId}>Ontvangen en opgevolgd per maand</title>
      <desc id={descId}>
        {totals.map((r) => (r.missing ? `${r.month}: geen lijst` : `${r.month}: ${r.received} ontvangen, ${r.followedUp} opgevolgd`)).join('; ')}
      </desc>
      <line class="axis" x1={LEFT - 4} y1={TOP + HEIGHT} x2={width} y2={TOP + HEIGHT} />
      <text class="label" x={LEFT - 8} y={TOP + 10} text-anchor="end">
        {max}
      </text>
      <text class="label" x={LEFT - 8} y={TOP + HEIGHT} text-anchor="end">
        0
      </text>
      {totals.map((r, i) => {
        const x = LEFT + i * GROUP;
        return (
          <g>
            {!r.missing && <rect class="received" x={x} y={TOP + HEIGHT - scale(r.received)} width={BAR} height={scale(r.received)} />}
            {!r.missing && <rect class="followed" x={x + BAR + GAP} y={TOP + HEIGHT - scale(r.followedUp)} width={BAR} height={scale(r.followedUp)} />}
            <text class="label" x={x + BAR} y={TOP + HEIGHT + 16} text-anchor="middle">
              {r.month.slice(2)}
            </text>
            {r.missing && (
              <text class="label" x={x + BAR} y={TOP + HEIGHT - 6} text-anchor="middle">
                –
              </text>
            )}
          </g>
        );
      })}
      <rect class="received" x={LEFT} y={TOP + HEIGHT + 26} width={10} height={10} />
      <text class="label" x={LEFT + 14} y={TOP + HEIGHT + 35}>
        ontvangen
      </text>
      <rect class="followed" x={LEFT + 90} y={TOP + HEIGHT + 26} width={10} height={10} />
      <text class="label" x={LEFT + 104} y={TOP + HEIGHT + 35}>
        opgevolgd
      </text>
    </svg>
  );
}
