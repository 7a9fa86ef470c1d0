/** GDAL's ogrinfo, as a GIS user would open a GeoJSON file (Debian's gdal-bin, which .ci/run installs). */
import { spawnSync } from 'node:child_process';

/** Whether ogrinfo is there. */
export const HAVE_OGR = spawnSync('ogrinfo', ['--version'], { stdio: 'ignore' }).status === 0;
/** Why an ogrinfo check was skipped; in CI a missing ogrinfo fails instead. */
export const NO_OGR = 'GDAL is not installed (apt-get install -y gdal-bin)';

/** `ogrinfo -al -so FILE`: whether it opened the file, and every warning or error it printed. */
export function ogrinfo(path: string): { ok: boolean; problems: string[]; summary: string } {
  const r = spawnSync('ogrinfo', ['-al', '-so', path], { encoding: 'utf8' });
  const problems = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /warning|error/i.test(l));
  return { ok: r.status === 0, problems, summary: r.stdout };
}
