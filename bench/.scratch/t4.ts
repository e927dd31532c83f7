import { tokenize } from '../../src/core/tokenizer';
import { tokenize as fast } from './tok-fast';
import { ARTICLE_DIR, readLessonFiles, repeatText } from '../lib/lessons';
const text = repeatText(readLessonFiles(ARTICLE_DIR), 229);
function t(name: string, f: () => unknown) { for (let i=0;i<3;i++) f(); const xs=[]; for (let i=0;i<9;i++){const s=performance.now(); f(); xs.push(performance.now()-s);} xs.sort((a,b)=>a-b); console.log(name, xs[4]!.toFixed(1)); }
t('tokenize', () => tokenize(text));
t('fast', () => fast(text));
console.log(JSON.stringify(tokenize(text))===JSON.stringify(fast(text)));
