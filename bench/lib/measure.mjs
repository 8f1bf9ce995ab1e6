// Small measuring helpers: run a child process and read its wall time, CPU time and peak RSS; summarise runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const summary = (xs) => ({ min: Math.min(...xs), median: median(xs), runs: xs.length });
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * Runs `node args…` with stdout to /dev/null. Returns { ms (wall), cpuMs (user+sys), rssMB (peak, VmHWM),
 * code, stderr }. Peak RSS comes from GNU time (%M) when installed, else from polling /proc/<pid>/status.
 */
export function runNode(args, { env = {}, cwd } = {}) {
  const out = openSync('/dev/null', 'w');
  const timeFile = join(tmpdir(), `cors-lens-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const cmd = GNU_TIME ?? process.execPath;
  const argv = GNU_TIME ? ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', out, 'pipe'], env: { ...process.env, ...env }, cwd });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let polledKB = 0;
  const poll = GNU_TIME ? null : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) polledKB = Math.max(polledKB, Number(m[1]));
    } catch { /* exited */ }
  }, 20);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (poll) clearInterval(poll);
      closeSync(out);
      let rssKB = polledKB;
      let cpuMs = null;
      if (GNU_TIME && existsSync(timeFile)) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ');
        rssKB = Number(last[0]);
        cpuMs = (Number(last[1]) + Number(last[2])) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({ ms, cpuMs, rssMB: rssKB / 1024, code, stderr });
    });
  });
}

/** Runs `fn` `runs` times (after `warmup` unrecorded runs); returns the list of its numeric results. */
export async function repeat(runs, fn, { warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(-1);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

/** Runs `node args…` to completion, output discarded; returns its exit code (e.g. to ask the CLI whether it has a format). */
export function runSync(args) {
  return spawnSync(process.execPath, args, { stdio: 'ignore' }).status;
}

/** Runs `node args…` and counts the bytes it writes to standard output (nothing is kept). Rejects on a non-zero exit. */
export function countOutput(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (d) => (bytes += d.length));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`))));
  });
}
