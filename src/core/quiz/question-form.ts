// A quiz question as the quiz editor's form holds it (plain text fields, lists one item a line) and back to a
// quiz.json question. The form may be unfinished: the loader (authoring:validate) names what is missing.
import type { Lang, QuestionType, Skill } from './schema';

export interface EvidenceRef {
  paragraph: number;
  quote: string;
}

export interface QuestionForm {
  id: string;
  type: QuestionType;
  /** For a cloze. */
  mode: 'typed' | 'choice';
  prompt: string;
  promptLang: Lang;
  explanation: string;
  skill: Skill;
  evidence: EvidenceRef | null;
  /** single, multiple, cloze choice: one option a line, each correct one starting with "*". */
  options: string;
  /** true-false. */
  correct: boolean;
  /** short-answer, cloze typed: one accepted answer a line. */
  accepted: string;
  accentsMatter: boolean;
  /** cloze: the words of the evidence quote that become the gap. */
  blank: string;
  /** matching: one pair a line, "French = English". */
  pairs: string;
  /** ordering: in the right order, one a line. */
  items: string;
  /** open: for the teacher who grades. */
  guidance: string;
  /** Evidence of ordering items and matching pairs, by their text, kept through edits. */
  partEvidence: Record<string, EvidenceRef>;
}

type Raw = Record<string, unknown>;

const OPTION_IDS = 'abcdefgh';
export const CORRECT_MARK = '*';

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const arr = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter((x): x is Raw => typeof x === 'object' && x !== null) : []);
const evidenceOf = (value: unknown): EvidenceRef | null => {
  const e = value as { paragraph?: unknown; quote?: unknown } | undefined;
  return typeof e?.paragraph === 'number' && typeof e.quote === 'string' ? { paragraph: e.paragraph, quote: e.quote } : null;
};

/** A new question of this type, empty but for sensible defaults. */
export function blankForm(type: QuestionType, id: string): QuestionForm {
  return {
    id,
    type,
    mode: 'typed',
    prompt: '',
    promptLang: type === 'true-false' ? 'fr' : 'en',
    explanation: '',
    skill: type === 'ordering' ? 'order' : type === 'cloze' || type === 'matching' ? 'vocabulary' : 'fact',
    evidence: null,
    options: '',
    correct: true,
    accepted: '',
    accentsMatter: false,
    blank: '',
    pairs: '',
    items: '',
    guidance: '',
    partEvidence: {},
  };
}

export function formOf(q: Raw): QuestionForm {
  const type = (str(q.type) || 'single') as QuestionType;
  const form = blankForm(type, str(q.id));
  const correct = Array.isArray(q.correct) ? q.correct : [q.correct];
  const partEvidence: Record<string, EvidenceRef> = {};
  for (const part of [...arr(q.items), ...arr(q.pairs)]) {
    const e = evidenceOf(part.evidence);
    if (e) partEvidence[str(part.text) || `${str(part.left)} = ${str(part.right)}`] = e;
  }
  return {
    ...form,
    mode: q.mode === 'choice' ? 'choice' : 'typed',
    prompt: str(q.prompt),
    promptLang: q.promptLang === 'fr' ? 'fr' : 'en',
    explanation: str(q.explanation),
    skill: (str(q.skill) || form.skill) as Skill,
    evidence: evidenceOf(q.evidence),
    options: arr(q.options)
      .map((o) => `${correct.includes(o.id) ? `${CORRECT_MARK} ` : ''}${str(o.text)}`)
      .join('\n'),
    correct: q.correct !== false,
    accepted: (Array.isArray(q.accepted) ? q.accepted.map(str) : []).join('\n'),
    accentsMatter: q.accentsMatter === true,
    blank: str(q.blank),
    pairs: arr(q.pairs)
      .map((p) => `${str(p.left)} = ${str(p.right)}`)
      .join('\n'),
    items: arr(q.items)
      .map((i) => str(i.text))
      .join('\n'),
    guidance: str(q.guidance),
    partEvidence,
  };
}

function options(form: QuestionForm): { options: { id: string; text: string }[]; correct: string[] } {
  const out = { options: [] as { id: string; text: string }[], correct: [] as string[] };
  lines(form.options).forEach((line, i) => {
    const id = OPTION_IDS[i] ?? `o${i + 1}`;
    const right = line.startsWith(CORRECT_MARK);
    out.options.push({ id, text: right ? line.slice(CORRECT_MARK.length).trim() : line });
    if (right) out.correct.push(id);
  });
  return out;
}

/** The quiz.json question the form says; fields the type does not have are left out. */
export function questionOf(form: QuestionForm): Raw {
  const base: Raw = {
    id: form.id,
    type: form.type,
    prompt: form.prompt.trim(),
    promptLang: form.promptLang,
    explanation: form.explanation.trim(),
    ...(form.evidence ? { evidence: form.evidence } : {}),
    skill: form.skill,
  };
  const part = (key: string): Raw => (form.partEvidence[key] ? { evidence: form.partEvidence[key] } : {});
  switch (form.type) {
    case 'single': {
      const o = options(form);
      return { ...base, options: o.options, correct: o.correct[0] ?? '' };
    }
    case 'multiple': {
      const o = options(form);
      return { ...base, options: o.options, correct: o.correct };
    }
    case 'true-false':
      return { ...base, correct: form.correct };
    case 'short-answer':
      return { ...base, accepted: lines(form.accepted), accentsMatter: form.accentsMatter, answerLang: 'fr' };
    case 'cloze': {
      if (form.mode === 'typed') {
        const accepted = lines(form.accepted).filter((a) => a !== form.blank.trim());
        return { ...base, mode: 'typed', blank: form.blank.trim(), ...(accepted.length ? { accepted } : {}), accentsMatter: form.accentsMatter };
      }
      const o = options(form);
      return { ...base, mode: 'choice', blank: form.blank.trim(), options: o.options, correct: o.correct[0] ?? '' };
    }
    case 'matching':
      return {
        ...base,
        pairs: lines(form.pairs).map((line, i) => {
          const [left = '', ...right] = line.split('=');
          return { id: `pair-${i + 1}`, left: left.trim(), right: right.join('=').trim(), ...part(line) };
        }),
        leftLang: 'fr',
        rightLang: 'en',
      };
    case 'ordering':
      return { ...base, items: lines(form.items).map((text, i) => ({ id: `step-${i + 1}`, text, ...part(text) })), itemLang: 'fr' };
    case 'open':
      return { ...base, answerLang: 'fr', ...(form.guidance.trim() ? { guidance: form.guidance.trim() } : {}) };
  }
}
