import { fileURLToPath } from 'node:url';

/** The checkout's root: where `npm start` runs `src/main.ts` from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `--import` argument that lets Node run `src/main.ts` as `npm start` runs the built file, compiled
 * by test/http/ts-loader.mjs: `spawn(process.execPath, ['--import', TS_LOADER, 'src/main.ts'], { cwd: ROOT })`.
 */
export const TS_LOADER = `data:text/javascript,import{register}from"node:module";import{pathToFileURL}from"node:url";register(pathToFileURL(${JSON.stringify(fileURLToPath(new URL('../http/ts-loader.mjs', import.meta.url)))}))`;
