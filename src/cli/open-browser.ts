import { spawn } from 'node:child_process';

/**
 * Opens the address in the user's browser ($BROWSER, else the system's opener), without waiting
 * for it; a machine without one just keeps the printed address.
 */
export function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>): void {
  const command = env.BROWSER ?? (process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open');
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the address is printed.
  }
}
