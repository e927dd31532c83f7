// A draft as the gloss editor reads it: its outline first (everything but the glosses, and per paragraph how many
// words still need a look), then one page's glosses at a time (core/authoring/gloss-pages.ts says why). The
// whole draft is parsed once per revision and kept while the editor pages through it: a 100,000-word draft's
// lexicon alone takes a tenth of a second to parse, every page turn would pay it again.
import { paragraphCounts, glossPage, type GlossPage, type ParagraphCount } from '../../core/authoring/gloss-pages';
import { wordViews } from '../../core/authoring/gloss-edit';
import { draftQuestions, type DraftGloss } from '../../core/quiz/drafts';
import type { QuizQuestionInput } from '../../core/quiz/schema';
import { seedFrom } from '../../core/random';
import type { DraftOutline } from '../../shared/contract/authoring';
import { AppError } from '../../shared/errors';
import type { LessonsRepository } from '../db/repositories/lessons';
import { readDraft } from './authoring';
import type { DraftDocuments } from '../../core/authoring/draft';

interface Parsed {
  key: string;
  lessonId: string;
  outline: DraftOutline;
  documents: DraftDocuments;
  counts: ParagraphCount[];
}

export class DraftPageService {
  /** The last draft read: the editor reads one draft at a time. */
  private last: Parsed | null = null;

  constructor(private readonly repo: LessonsRepository) {}

  outline(lessonId: string): DraftOutline {
    return this.parsed(lessonId).outline;
  }

  /** Paragraphs [first, end)'s glosses; `invalid_input` naming the draft's paragraphs when the range is not in it. */
  glosses(lessonId: string, first: number, end: number): GlossPage {
    const { documents, counts } = this.parsed(lessonId);
    if (first >= end || end > counts.length) {
      throw new AppError('invalid_input', `paragraphs ${first} to ${end} are not in this draft, which has ${counts.length}.`);
    }
    return glossPage(documents, first, end);
  }

  /**
   * Questions drafted from the words the teacher confirmed in the whole draft; `generation` counts the presses, so
   * each press gives others, and `takenIds` are the quiz's ids, which the new questions do not reuse.
   */
  draftQuestions(lessonId: string, generation: number, takenIds: string[]): QuizQuestionInput[] {
    const { documents } = this.parsed(lessonId);
    const glosses: DraftGloss[] = wordViews(documents).flatMap((w) =>
      w.status === 'confirmed' && w.entry && w.sense
        ? [{ at: w.at, form: w.form, lemma: w.entry.lemma, pos: w.entry.pos, sense: w.sense, ...(w.entry.function ? { function: true } : {}) }]
        : [],
    );
    return draftQuestions({ text: documents.text, glosses }, { seed: seedFrom(lessonId, generation), takenIds });
  }

  private parsed(lessonId: string): Parsed {
    const head = this.repo.draftHead(lessonId);
    if (!head) throw AppError.because('not_found', 'noDraft', { lessonId });
    // A new draft of the same lesson starts again at revision 0: its version and creation tell it apart.
    const key = `${lessonId}\u0000${head.version}\u0000${head.createdAt}\u0000${head.revision}`;
    if (this.last?.key === key) return this.last;
    const row = this.repo.draft(lessonId);
    if (!row) throw AppError.because('not_found', 'noDraft', { lessonId });
    const documents = readDraft(row);
    const counts = paragraphCounts(documents);
    const { lexicon, review: _review, ...rest } = documents;
    const outline: DraftOutline = {
      lessonId,
      version: row.version,
      revision: row.revision,
      status: 'draft',
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      authorNotes: row.authorNotes,
      ...rest,
      entries: lexicon.entries,
      paragraphs: counts,
    };
    this.last = { key, lessonId, outline, documents, counts };
    return this.last;
  }
}
