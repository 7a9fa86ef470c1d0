/**
 * Debian's ffprobe on an exported clip (the video test and the bench): the
 * first video stream's codec, size and decoded frame count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const FFPROBE = '/usr/bin/ffprobe';

/** What ffprobe reads in a clip's first video stream (it decodes every frame to count them). */
export function probeVideo(file: string): {
  codec_name: string;
  width: number;
  height: number;
  nb_read_frames: string;
} {
  // A clear failure, not ENOENT: the video tests need it (.ci/run installs it).
  if (!existsSync(FFPROBE)) throw new Error(`no ffprobe at ${FFPROBE}: apt-get install -y ffmpeg`);
  const args = ['-v', 'error', '-count_frames', '-select_streams', 'v:0'];
  const out = execFileSync(
    FFPROBE,
    [...args, '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', file],
    { encoding: 'utf8' },
  );
  return JSON.parse(out).streams[0];
}
