import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '..');
// Node itself with tsx's loader, not the tsx command: one process instead of a launcher and
// its child, so the kill below reaches the script itself.
const tsxLoader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/** Longest a script may run. A script that hangs fails its test saying which run it was. */
const LIMIT_MS = 120_000;

export interface ScriptRun {
  /** The exit code: 0 done. */
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunScriptOptions {
  /** The script's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs one of the repository's scripts (`bin/keys.ts`, …) as an operator would, from the
 * repository's root, and resolves with how it ended, whatever its exit code.
 */
export function runScript(
  script: string,
  args: readonly string[] = [],
  options: RunScriptOptions = {},
): Promise<ScriptRun> {
  const argv = ['--import', tsxLoader, path.resolve(root, script), ...args];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      argv,
      { cwd: root, env: options.env ?? process.env, timeout: LIMIT_MS, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        if (error?.killed) {
          const run = [script, ...args].join(' ');
          reject(new Error(`${run} did not exit within ${LIMIT_MS / 1000} s:\n${stderr}`));
          return;
        }
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Like {@link runScript}, for a run that must succeed: a non-zero exit throws what it printed. */
export async function runScriptOk(
  script: string,
  args: readonly string[] = [],
  options: RunScriptOptions = {},
): Promise<ScriptRun> {
  const run = await runScript(script, args, options);
  if (run.code !== 0) {
    throw new Error(`${[script, ...args].join(' ')} exited ${run.code}:\n${run.stderr}`);
  }
  return run;
}
