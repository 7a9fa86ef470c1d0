/**
 * Debian's ffprobe on an exported clip (the video test and the bench): the
 * first video stream's codec, size and decoded frame count.
 */
import { execFileSync } from 'node:child_process';

/** What ffprobe reads in a clip's first video stream (it decodes every frame to count them). */
export function probeVideo(file: string): {
  codec_name: string;
  width: number;
  height: number;
  nb_read_frames: string;
} {
  const args = ['-v', 'error', '-count_frames', '-select_streams', 'v:0'];
  const out = execFileSync(
    '/usr/bin/ffprobe',
    [...args, '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', file],
    { encoding: 'utf8' },
  );
  return JSON.parse(out).streams[0];
}
