/** A count and its share of a whole; the share is null when the whole is zero. */
export interface Share {
  count: number;
  of: number;
  share: number | null;
}

export const share = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : count / of });
