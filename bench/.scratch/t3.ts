import { tokenize } from '../../src/core/tokenizer';
import { ARTICLE_DIR, readLessonFiles, repeatText } from '../lib/lessons';
const text = repeatText(readLessonFiles(ARTICLE_DIR), 229);
for (let i=0;i<20;i++) tokenize(text);
