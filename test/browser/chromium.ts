import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for a headless Chromium on a machine without a network beyond loopback: no GPU, no QUIC, no
 * background fetches, no first-run or sync. Not @sparticuz/chromium's own `args`: those are for AWS
 * Lambda and include `--disable-web-security`, which turns CORS off, the very thing tested here.
 */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];

/** Where the npm package's Chromium is unpacked: inside node_modules, so `npm ci` starts it afresh. */
const CACHE = path.resolve('node_modules/.cache/kairos-chromium');

/**
 * The Chromium binary to drive: `CHROMIUM_PATH` when set (a system Chromium, e.g. Debian's
 * `/usr/bin/chromium`), else the headless Chromium that the npm package `@sparticuz/chromium` ships
 * brotli-compressed, unpacked on first use into `node_modules/.cache/kairos-chromium/<version>/`.
 * @throws when `CHROMIUM_PATH` names no file.
 */
export async function chromiumExecutable(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file`);
    return chosen;
  }
  // The package exports no package.json; it sits one folder above the entry point (build/index.js).
  const manifest = path.join(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  const dir = path.join(CACHE, version);
  if (existsSync(path.join(dir, 'chromium'))) return path.join(dir, 'chromium');

  // The package unpacks into os.tmpdir() (/tmp/chromium, shared by every user and version), so point
  // TMPDIR at a folder of our own for the call. Two test files may unpack at once: each unpacks
  // into its own folder and renames it into place, and the loser keeps the winner's.
  await mkdir(CACHE, { recursive: true });
  const staging = await mkdtemp(path.join(CACHE, `${version}-`));
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await sparticuz.executablePath();
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(staging, { recursive: true, force: true });
  });
  return path.join(dir, 'chromium');
}

/** Launches headless Chromium (see {@link chromiumExecutable}) with a fresh, throw-away user-data-dir. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, timeout: 60_000 });
}
