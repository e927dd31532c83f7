// Pronunciation with the system's French voice, where the system has one (Windows and macOS ship French voices;
// Linux needs speech-dispatcher with espeak-ng, which the Display panel says).

function frenchVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const voices = speechSynthesis.getVoices();
  return voices.find((v) => v.lang === 'fr-FR') ?? voices.find((v) => v.lang.toLowerCase().startsWith('fr'));
}

/** Calls back now and whenever the list of voices changes (it loads asynchronously in Chromium). */
export function watchFrenchVoice(onChange: (available: boolean) => void): () => void {
  if (typeof speechSynthesis === 'undefined') {
    onChange(false);
    return () => {};
  }
  const update = (): void => onChange(frenchVoice() !== undefined);
  update();
  speechSynthesis.addEventListener('voiceschanged', update);
  return () => speechSynthesis.removeEventListener('voiceschanged', update);
}

export interface SpeakOptions {
  /** Told the character offset (within the text spoken) of each word as the voice reaches it. */
  onWord?: (charIndex: number) => void;
  onEnd?: () => void;
}

export function speakFrench(text: string, options: SpeakOptions = {}): void {
  const voice = frenchVoice();
  if (!voice) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  utterance.addEventListener('boundary', (event) => {
    if (event.name === 'word') options.onWord?.(event.charIndex);
  });
  utterance.addEventListener('end', () => options.onEnd?.());
  utterance.addEventListener('error', () => options.onEnd?.());
  speechSynthesis.speak(utterance);
}
