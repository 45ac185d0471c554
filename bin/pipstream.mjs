#!/usr/bin/env node
// Runs the TypeScript sources through tsx (no build step); worker threads register tsx themselves.
import { register } from 'tsx/esm/api';

register();
await import('../engine/cli/main.ts');
