import type { HandlersOf } from '../../shared/contract/call';
import type { reviewCalls } from '../../shared/contract/review';
import type { Services } from './services';

export function reviewHandlers({ review }: Services): HandlersOf<typeof reviewCalls> {
  return {
    'review:summary': ({ learnerId }) => review.summary(learnerId),
    'review:words': ({ learnerId }) => review.words(learnerId),
    'review:queue': ({ learnerId }) => review.queue(learnerId),
    'review:addPhrase': ({ learnerId, lessonId, first, last }) => review.addPhrase(learnerId, lessonId, first, last),
    'review:grade': ({ learnerId, lemma, rating }) => review.grade(learnerId, lemma, rating),
    'review:note': ({ learnerId, lemma, note }) => review.setNote(learnerId, lemma, note),
    'review:ignore': ({ learnerId, lemma, ignored }) => review.setIgnored(learnerId, lemma, ignored),
    'review:remove': ({ learnerId, lemma }) => review.remove(learnerId, lemma),
    'review:export': ({ learnerId, format }) => review.export(learnerId, format),
  };
}
