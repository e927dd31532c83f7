// The LRS secret in the desktop app: Electron's safeStorage (the OS keychain: DPAPI, Keychain, libsecret)
// encrypts it before it reaches the data folder. Given safeStorage, so tests pass a fake and never load electron.
import type { SecretCodec } from '../backend/xapi/secret-store';
import { PLAIN_CODEC } from '../backend/xapi/secret-store';

/** The part of Electron's safeStorage this needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * safeStorage when the OS can encrypt; otherwise (a Linux session without a keyring) the plain file, which the
 * teacher area then says, as it does in browser mode.
 */
export function safeStorageCodec(safeStorage: SafeStorageLike): SecretCodec {
  if (!safeStorage.isEncryptionAvailable()) return PLAIN_CODEC;
  return {
    encrypted: true,
    encode: (secret) => safeStorage.encryptString(secret),
    decode: (stored) => safeStorage.decryptString(stored),
  };
}
