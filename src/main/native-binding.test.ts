import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINDING_FILE, electronBindingPath } from './native-binding';

describe('electronBindingPath', () => {
  it('packaged: the build shipped in resources/native', () => {
    expect(electronBindingPath({ isPackaged: true, resourcesPath: '/opt/Liseuse/resources', env: {} })).toBe(
      join('/opt/Liseuse/resources', 'native', 'better_sqlite3.node'),
    );
    expect(BINDING_FILE).toBe('better_sqlite3.node');
  });

  it('packaged: the environment cannot redirect it to another file', () => {
    expect(
      electronBindingPath({ isPackaged: true, resourcesPath: '/opt/Liseuse/resources', env: { LISEUSE_SQLITE_BINDING: '/tmp/evil.node' } }),
    ).toBe(join('/opt/Liseuse/resources', 'native', 'better_sqlite3.node'));
  });

  it('development: LISEUSE_SQLITE_BINDING when set', () => {
    expect(
      electronBindingPath({ isPackaged: false, resourcesPath: '/ignored', env: { LISEUSE_SQLITE_BINDING: '/work/build/electron/better_sqlite3.node' } }),
    ).toBe('/work/build/electron/better_sqlite3.node');
  });

  it('development: undefined when unset or empty, so better-sqlite3 uses its own build', () => {
    expect(electronBindingPath({ isPackaged: false, resourcesPath: '/ignored', env: {} })).toBeUndefined();
    expect(electronBindingPath({ isPackaged: false, resourcesPath: '/ignored', env: { LISEUSE_SQLITE_BINDING: '' } })).toBeUndefined();
  });
});
