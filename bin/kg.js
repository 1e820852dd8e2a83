#!/usr/bin/env node
// The built CLI; `npm run build` (run by `npm install`) compiles src/ to dist/.
import { main } from '../dist/src/cli/index.js';

await main();
