#!/usr/bin/env node
// The CLI is TypeScript, run through tsx so there is no build step between a
// change and `npx frontline`.
import { register } from 'tsx/esm/api';

register();
try {
  await import('./index.ts');
} catch (e) {
  // Only a failure to load the CLI itself lands here (index.ts handles the rest): one line, no stack.
  process.stderr.write(
    `frontline: could not start (${String(e?.message ?? e).split('\n')[0]}); run npm ci in the project folder\n`,
  );
  process.exitCode = 1;
}
