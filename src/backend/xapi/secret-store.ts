// The LRS password or secret, kept out of the database in a file of its own readable by this user only. In the
// desktop app the codec is Electron's safeStorage (the OS keychain encrypts it); in browser mode there is no
// keychain, the file holds it as typed, and the teacher area says so.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../export/atomic-write';

export interface SecretCodec {
  /** Whether the file is encrypted (by the OS), or holds the secret as typed. */
  readonly encrypted: boolean;
  encode(secret: string): Buffer;
  decode(stored: Buffer): string;
}

export const PLAIN_CODEC: SecretCodec = {
  encrypted: false,
  encode: (secret) => Buffer.from(secret, 'utf8'),
  decode: (stored) => stored.toString('utf8'),
};

export const SECRET_FILE = 'lrs-secret';

export class SecretStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly codec: SecretCodec = PLAIN_CODEC,
  ) {
    this.file = join(dataDir, SECRET_FILE);
  }

  get encrypted(): boolean {
    return this.codec.encrypted;
  }

  save(secret: string): void {
    writeFileAtomic(this.file, this.codec.encode(secret), 0o600);
  }

  load(): string | null {
    if (!existsSync(this.file)) return null;
    try {
      return this.codec.decode(readFileSync(this.file));
    } catch {
      // Written by another mode (browser mode's plain file read by the keychain, or another user's keychain):
      // as good as none, the teacher types it again.
      return null;
    }
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
