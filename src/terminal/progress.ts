// A one-line progress bar on stderr, only for a person watching a terminal: when stderr is piped
// or redirected, nothing is drawn, so logs stay clean.

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const SILENT: Progress = { update: () => undefined, finish: () => undefined };
const BAR_WIDTH = 30;
const REDRAW_MS = 100;

export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  options: { minTotal: number },
): Progress {
  if (stream.isTTY !== true) return SILENT;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (total < options.minTotal) return;
      const nowMs = Date.now();
      if (nowMs - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = nowMs;
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * BAR_WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}%`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
