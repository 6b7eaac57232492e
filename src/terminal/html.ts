// HTML that escapes by construction: every value interpolated into the `html` template is
// escaped, unless it is itself the result of `html` (already safe). The names, addresses and
// organisations on a printed list come from someone else's file; a name such as
// `<script>` or `" onload="` must print as text, never run or break the page.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// Known only to this module, so nothing else can make a value pass as safe.
const SAFE = Symbol('safe html');

/** A piece of HTML that is safe to insert as it is. Only `html` makes one. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (isSafe(value)) return value.text;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A tagged template: `html\`<td>${name}</td>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return { [SAFE]: true, text: out };
}
