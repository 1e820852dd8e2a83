#!/usr/bin/env node
// The built CLI; `npm run build` (run by `npm install`) compiles src/ to dist/.
import { main } from '../dist/src/cli/index.js';

// `kg neighbours X | head`: a reader that stops reading is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main();
