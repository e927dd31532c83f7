import { describe, expect, it } from 'vitest';
import { enableSpeech } from './speech';

const switchesFor = (platform: NodeJS.Platform): string[] => {
  const switches: string[] = [];
  enableSpeech(platform, { appendSwitch: (name) => switches.push(name) });
  return switches;
};

describe('enableSpeech', () => {
  it('turns speech-dispatcher on under Linux only, where Chromium has no other road to a voice', () => {
    expect(switchesFor('linux')).toEqual(['enable-speech-dispatcher']);
    expect(switchesFor('win32')).toEqual([]);
    expect(switchesFor('darwin')).toEqual([]);
  });
});
