import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { SecretStore } from '../backend/xapi/secret-store';
import { safeStorageCodec, type SafeStorageLike } from './lrs-secret';

/** A stand-in keychain: reversible, and visibly not the secret as typed. */
const fakeSafeStorage = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).reverse().toString('base64')}`),
  decryptString: (stored) => Buffer.from(stored.toString().slice(4), 'base64').reverse().toString(),
});

describe('the LRS secret in the desktop app', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => removeTempDir(dir));

  it('is encrypted by safeStorage on disk, read back as typed, in a file only this user may read', () => {
    const store = new SecretStore(dir, safeStorageCodec(fakeSafeStorage(true)));
    store.save('s3cret-pässword');
    expect(store.encrypted).toBe(true);
    expect(readFileSync(store.file, 'utf8')).not.toContain('s3cret');
    expect(store.load()).toBe('s3cret-pässword');
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('falls back to the plain file (which the teacher area then warns of) when the OS cannot encrypt', () => {
    const store = new SecretStore(dir, safeStorageCodec(fakeSafeStorage(false)));
    store.save('s3cret');
    expect(store.encrypted).toBe(false);
    expect(readFileSync(store.file, 'utf8')).toBe('s3cret');
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    store.clear();
    expect(store.load()).toBeNull();
  });
});
