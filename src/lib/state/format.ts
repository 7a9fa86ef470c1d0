/** Number and date formatting for the page (Intl, one place). */
const km2 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const signed = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Non-breaking spaces keep a number and its unit on one line. */
export const fmtKm2 = (x: number): string => `${km2.format(x)}\u00a0km²`;
export const fmtNum = (x: number): string => km2.format(x);
export const fmtPct = (x: number): string => `${pct.format(x)}\u00a0%`;
export const fmtSigned = (x: number): string => signed.format(Math.round(x));
export const fmtDate = (iso: string): string => day.format(new Date(`${iso}T00:00:00Z`));
