import { tokenize } from '../../src/core/tokenizer';
import { ARTICLE_DIR, readLessonFiles, repeatText } from '../lib/lessons';
const files = readLessonFiles(ARTICLE_DIR);
const text = repeatText(files, 229);
const CHUNK = /[\p{L}\p{M}]+(?:[-‐‑'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,\u00A0\u202F]\p{N}{3})*(?:[.,]\p{N}+)?(?:(?:ères?|ers?|res?|èmes?|es?|nde?s?)(?![\p{L}\p{M}]))?|\S/gu;
function t(name: string, f: () => unknown) { for (let i=0;i<3;i++) f(); const xs=[]; for (let i=0;i<9;i++){const s=performance.now(); f(); xs.push(performance.now()-s);} xs.sort((a,b)=>a-b); console.log(name, xs[4]!.toFixed(1)); }
t('tokenize', () => tokenize(text));
t('CHUNK matchAll only', () => { let n=0; for (const _m of text.matchAll(CHUNK)) n++; return n; });
t('CHUNK matchAll + /^letter/u test', () => { let n=0; for (const m of text.matchAll(CHUNK)) if (/^[\p{L}\p{M}]/u.test(m[0])) n++; return n; });
const toks = tokenize(text);
t('normalise all', () => { let n=0; for (const k of toks) n += k.text.replace(/'/g,'’').toLowerCase().length; return n; });
