// Pronunciation with the system's French voice, where the system has one; otherwise the feature stays hidden.

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

export function speakFrench(text: string): void {
  const voice = frenchVoice();
  if (!voice) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
}
