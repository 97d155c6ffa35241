import { execFileSync } from 'node:child_process';
import { repoRoot, serverEnv, texturaBin } from './env';

export interface CliUser {
  email: string;
  password: string;
  name: string;
  role: 'staff' | 'admin';
}

/** Creates a support-team user with the server's own CLI, on the test server's data. */
export function createUserWithCli(user: CliUser): void {
  execFileSync(
    texturaBin,
    ['user', 'create', '--email', user.email, '--password', user.password, '--name', user.name, '--role', user.role],
    { cwd: repoRoot, env: { ...process.env, ...serverEnv }, stdio: 'pipe', timeout: 30_000 },
  );
}
