// Moments as a Dutch reader expects them: day-month-year and the local time.

export function localDateTime(iso: string): string {
  const when = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(when.getDate())}-${pad(when.getMonth() + 1)}-${when.getFullYear()} om ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}
