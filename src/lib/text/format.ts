/**
 * Number and date formatting for the page: the names the page used before it
 * spoke two languages, kept for callers. English unless a locale is given;
 * the implementation is in ../i18n/format.ts.
 */
export {
  formatDate as fmtDate,
  formatKm2 as fmtKm2,
  formatNumber as fmtNum,
  formatPercent as fmtPct,
  formatSigned as fmtSigned,
} from '../i18n/format';
