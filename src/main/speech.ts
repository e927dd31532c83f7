// Speech in Electron: on Linux, Chromium speaks only through speech-dispatcher, which Electron leaves off unless
// asked (Windows and macOS use the system's own voices).

/** The part of Electron's app.commandLine this needs. */
export interface CommandLine {
  appendSwitch(name: string): void;
}

/** Call before the app is ready: switches given later are ignored. */
export function enableSpeech(platform: NodeJS.Platform, commandLine: CommandLine): void {
  if (platform === 'linux') commandLine.appendSwitch('enable-speech-dispatcher');
}
