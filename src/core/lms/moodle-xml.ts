// A lesson's quiz as Moodle XML (Question bank → Import → Moodle XML format), one <question> per question after a
// category named after the lesson. Question and feedback texts are HTML with lang attributes; answers Moodle
// compares with what a learner types (short answer, cloze, matching) are plain text.
import type { ChoiceClozeQuestion, Question, Quiz, TypedClozeQuestion } from '../quiz';
import { generalFeedback, optionFraction, questionName, typedAnswerSpellings, type Para } from './quiz-parts';

// XML 1.0 allows no control characters but tab and line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu;
const escapeXml = (text: string): string =>
  text.replace(CONTROL, '').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

const paragraph = (html: string, lang: string): string => `<p lang="${lang}">${html}</p>`;
const html = (paras: Para[]): string => paras.map((p) => paragraph(escapeHtml(p.text), p.lang)).join('');

const textElement = (name: string, content: string, format?: string): string =>
  `<${name}${format ? ` format="${format}"` : ''}><text>${escapeXml(content)}</text></${name}>`;

/** Moodle's fractions are percentages written with up to 7 decimals, as its own export writes them. */
const fraction = (percent: number): string => String(Math.round(percent * 1e7) / 1e7);

function answer(percent: number, text: string, format: 'html' | 'moodle_auto_format' | 'plain_text'): string {
  return `<answer fraction="${fraction(percent)}" format="${format}"><text>${escapeXml(text)}</text><feedback format="html"><text></text></feedback></answer>`;
}

// In an embedded answer, } # ~ / " and \ are escaped with a backslash (Moodle's Cloze syntax); the question text
// around it is HTML.
const clozeAnswer = (text: string): string => escapeHtml(text.replace(/[\\}#~/"]/gu, (c) => `\\${c}`));

function clozeStem(q: TypedClozeQuestion | ChoiceClozeQuestion): string {
  const gap =
    q.mode === 'typed'
      ? `{1:SHORTANSWER:${typedAnswerSpellings(q.accepted, q.accentsMatter)
          .map((a) => `=${clozeAnswer(a)}`)
          .join('~')}}`
      : `{1:MULTICHOICE_S:${q.options.map((o) => `${o.id === q.correct ? '=' : ''}${clozeAnswer(o.text)}`).join('~')}}`;
  return paragraph(escapeHtml(q.prompt), q.promptLang) + paragraph(`${escapeHtml(q.cloze.before)}${gap}${escapeHtml(q.cloze.after)}`, 'fr');
}

/** The Moodle qtype each Liseuse type becomes, and the elements after the common head. */
function typeAndBody(q: Question): { type: string; body: string[] } {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const correct = new Set(q.type === 'single' ? [q.correct] : q.correct);
      const share = (id: string): number => (q.type === 'single' ? (correct.has(id) ? 100 : 0) : optionFraction(correct.has(id), correct.size));
      return {
        type: 'multichoice',
        body: [
          `<single>${q.type === 'single'}</single>`,
          '<shuffleanswers>true</shuffleanswers>',
          '<answernumbering>abc</answernumbering>',
          ...q.options.map((o) => answer(share(o.id), html([{ text: o.text, lang: q.optionLang }]), 'html')),
        ],
      };
    }
    case 'true-false':
      return { type: 'truefalse', body: [answer(q.correct ? 100 : 0, 'true', 'moodle_auto_format'), answer(q.correct ? 0 : 100, 'false', 'moodle_auto_format')] };
    case 'short-answer':
      // \* : a literal asterisk (Moodle reads * as a wildcard).
      return {
        type: 'shortanswer',
        body: ['<usecase>0</usecase>', ...typedAnswerSpellings(q.accepted, q.accentsMatter).map((a) => answer(100, a.replace(/\*/gu, '\\*'), 'moodle_auto_format'))],
      };
    case 'cloze':
      return { type: 'cloze', body: [] };
    case 'matching':
      return {
        type: 'matching',
        body: [
          '<shuffleanswers>true</shuffleanswers>',
          ...q.pairs.map(
            (p) => `<subquestion format="html"><text>${escapeXml(html([{ text: p.left, lang: q.leftLang }]))}</text><answer><text>${escapeXml(p.right)}</text></answer></subquestion>`,
          ),
        ],
      };
    case 'ordering':
      // qtype_ordering, a plugin the Moodle site must have: each answer's fraction is its place in the right order.
      // Liseuse grades the longest run of items in order, which is the plugin's LONGEST_ORDERED_SUBSET.
      return {
        type: 'ordering',
        body: [
          '<layouttype>VERTICAL</layouttype>',
          '<selecttype>ALL</selecttype>',
          '<selectcount>0</selectcount>',
          '<gradingtype>LONGEST_ORDERED_SUBSET</gradingtype>',
          '<showgrading>SHOW</showgrading>',
          '<numberingstyle>none</numberingstyle>',
          ...q.items.map((item, i) => answer(i + 1, html([{ text: item.text, lang: q.itemLang }]), 'html')),
        ],
      };
    case 'open':
      return {
        type: 'essay',
        body: [
          '<responseformat>editor</responseformat>',
          '<responserequired>1</responserequired>',
          '<responsefieldlines>10</responsefieldlines>',
          '<attachments>0</attachments>',
          '<attachmentsrequired>0</attachmentsrequired>',
          textElement('graderinfo', q.guidance ? html([{ text: q.guidance, lang: 'en' }]) : '', 'html'),
          textElement('responsetemplate', '', 'html'),
        ],
      };
  }
}

function questionXml(q: Question, index: number): string {
  const { type, body } = typeAndBody(q);
  const stem = q.type === 'cloze' ? clozeStem(q) : html([{ text: q.prompt, lang: q.promptLang }]);
  const lines = [
    textElement('name', questionName(q, index)),
    textElement('questiontext', stem, 'html'),
    textElement('generalfeedback', html(generalFeedback(q)), 'html'),
    '<defaultgrade>1</defaultgrade>',
    '<penalty>0.3333333</penalty>',
    '<hidden>0</hidden>',
    `<idnumber>${escapeXml(q.id)}</idnumber>`,
    ...body,
  ];
  return [`  <question type="${type}">`, ...lines.map((l) => `    ${l}`), '  </question>'].join('\n');
}

/** A category path segment: Moodle reads "/" as a level, "//" as a slash. */
const categorySegment = (title: string): string => title.replace(/\//gu, '//');

export function quizToMoodleXml(quiz: Quiz, lessonTitle: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<quiz>',
    `  <question type="category">\n    ${textElement('category', `$course$/top/Liseuse/${categorySegment(lessonTitle)}`)}\n  </question>`,
    ...quiz.questions.map(questionXml),
    '</quiz>',
    '',
  ].join('\n');
}
