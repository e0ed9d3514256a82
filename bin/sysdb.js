#!/usr/bin/env node
// Runs the bundled CLI (built by `npm run build`, which `npm ci` runs through the prepare script).
import { main } from '../dist/sysdb.mjs';

process.exitCode = main(process.argv.slice(2));
