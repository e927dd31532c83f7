// Every screen at a phone's width (320 CSS px, WCAG 1.4.10 reflow) and at 200% zoom of a 1280 px window (640 CSS px):
// the page never scrolls sideways (a table may scroll inside its own wrapper) and axe finds nothing.
import type { Page, TestInfo } from '@playwright/test';
import { callAnswered } from '../test/support/calls';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerAnyhow, markWord, openLessonQuietly, QUIZ_LENGTH, submitNewPin } from './flows';
import { libraryPage } from './pages/library';
import { teacherPage } from './pages/profiles';
import { progressPage } from './pages/progress';
import { quizPage } from './pages/quiz';
import { readerPage } from './pages/reader';
import { reviewPage } from './pages/review';

// tsconfig.node.json has no DOM library, on purpose (see security.spec.ts): the few browser objects the page
// functions below touch are typed here, and each reaches them through globalThis.
interface DomElement {
  tagName: string;
  className: unknown;
  parentElement: DomElement | null;
  getBoundingClientRect(): { width: number; right: number };
}
interface PageGlobals {
  document: { body: DomElement; documentElement: { scrollWidth: number; scrollHeight: number }; querySelectorAll(selector: string): ArrayLike<DomElement> };
  innerWidth: number;
  getComputedStyle(element: DomElement): { overflowX: string };
}

/** The outermost elements sticking out past the window's right edge, for the failure message. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, innerWidth, getComputedStyle } = globalThis as unknown as PageGlobals;
    const sticksOut = (el: DomElement): boolean => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > innerWidth + 0.5;
    // Inside a wrapper that scrolls (or clips) sideways, sticking out is allowed.
    const clipped = (el: DomElement): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement)) && !clipped(el))
      .slice(0, 8)
      .map((el) => `<${el.tagName.toLowerCase()} class="${String(el.className)}"> right=${Math.round(el.getBoundingClientRect().right)}`);
  });
}

/** No horizontal scroll on the page, and WCAG 2.2 AA by axe. */
async function checkScreen(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth };
  });
  expect(scrollWidth, `${label}: the page scrolls sideways (${scrollWidth} > ${innerWidth}): ${(await overflowing(page)).join(', ')}`).toBeLessThanOrEqual(
    innerWidth,
  );
  await expectAccessible(page, label);
}

/**
 * Screenshots for a person to look at, never compared: they go to this test's folder under Playwright's output
 * directory (`--output`), never into the repository. What is on screen, then the whole page in slices a viewer
 * shows at full size (a few screens at most).
 */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const height = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollHeight);
  const slice = 1200;
  for (let i = 0; i * slice < height && i < 3; i++) {
    const clip = { x: 0, y: i * slice, width, height: Math.min(slice, height - i * slice) };
    await page.screenshot({ path: testInfo.outputPath(`${name}-full-${i + 1}.png`), fullPage: true, clip });
  }
}

/** An open answer long enough to wrap at every size. */
const OPEN_ANSWER = 'Kim et Poutine se sont rencontrés au cosmodrome de Vostochni, dans la région de l’Amour.';

const SIZES = [
  { name: 'a 320 px phone', width: 320, height: 640, deviceScaleFactor: 1 },
  { name: '200% zoom of a 1280 px window', width: 640, height: 480, deviceScaleFactor: 2 },
] as const;

for (const size of SIZES) {
  test.describe(`at ${size.name} (${size.width} CSS px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.deviceScaleFactor });
    // axe-core over the reader's few hundred word buttons takes a while on a shared machine: a ceiling, not a target.
    test.setTimeout(240_000);
    const at = (label: string): string => `${label} at ${size.width} px`;

    test('the library and the reader reflow without sideways scrolling and stay accessible', async ({ liseuse }, testInfo) => {
      const { page } = liseuse;
      const library = libraryPage(page);
      const reader = readerPage(page);

      // Library, nobody chosen yet, then with a learner (a long name, as real ones can be).
      await expect(library.heading).toBeVisible();
      await checkScreen(page, at('library without a learner'));
      await addLearner(page, 'Maximilienne-Augustine');
      await expect(quizPage(page).take).toBeVisible();
      await checkScreen(page, at('library with a learner'));
      await shot(page, testInfo, 'library');

      // Reader: a gloss open, then glosses under every word.
      await openLessonQuietly(page);
      await reader.word('retenu').click();
      await expect(reader.sense).toHaveText('kept');
      await checkScreen(page, at('reader with a gloss open'));
      await shot(page, testInfo, 'reader-gloss');
      await page.keyboard.press('Escape');
      await reader.display.click();
      await checkScreen(page, at('reader with the display settings open'));
      await reader.interlinear.selectOption('all');
      await expect(reader.word('voyage').locator('.il')).toBeVisible();
      await checkScreen(page, at('reader with glosses under every word'));
      await shot(page, testInfo, 'reader-interlinear');
    });

    test('the quiz, the learner’s own pages and the teacher area reflow without sideways scrolling and stay accessible', async ({ liseuse }, testInfo) => {
      const { page } = liseuse;
      const quiz = quizPage(page);
      const review = reviewPage(page);
      const progress = progressPage(page);
      const teacher = teacherPage(page);

      // Two words to show later: one looked up, one marked as learning. Opened from the keyboard with the pointer
      // parked in a corner, so no word opens on hover and counts as a look-up.
      await addLearner(page, 'Maximilienne-Augustine');
      const reader = await openLessonQuietly(page);
      const looked = callAnswered(page, 'reading:lookup');
      await reader.word('retenu').click();
      await looked;
      await page.keyboard.press('Escape');
      await markWord(page, 'blindé', 'Learning');
      await reader.back.click();

      // The quiz: each kind of question, its feedback, and the summary.
      await quiz.take.click();
      const seen = new Set<string>();
      for (let n = 1; n <= QUIZ_LENGTH; n++) {
        await expect(quiz.progress).toHaveText(`Question ${n} of ${QUIZ_LENGTH}`);
        const form = page.locator('form.question');
        const kind = (await form.locator('textarea').count())
          ? 'open'
          : (await form.locator('select').count())
          ? 'matching'
          : (await form.locator('.ordering').count())
            ? 'ordering'
            : (await form.locator('input[type=checkbox]').count())
              ? 'multiple'
              : (await form.locator('input[type=radio]').count())
                ? 'choice'
                : 'typed';
        const first = !seen.has(kind);
        seen.add(kind);
        if (first) await checkScreen(page, at(`quiz, ${kind} question`));
        if (n === 1) {
          await shot(page, testInfo, 'quiz-question');
          // The text behind its toggle on a narrow window, open below the question.
          await quiz.textToggle.click();
          await expect(quiz.text).toContainText('Kim Jong-un');
          await checkScreen(page, at('quiz with the text open'));
          await shot(page, testInfo, 'quiz-with-text');
          await quiz.textToggle.click();
          await expect(quiz.text).toBeHidden();
        }
        await answerAnyhow(page, OPEN_ANSWER);
        if (first) await checkScreen(page, at(`quiz, ${kind} question with its feedback`));
        if (kind === 'matching' || kind === 'ordering') await shot(page, testInfo, `quiz-${kind}-feedback`);
        if (n === 1) await shot(page, testInfo, 'quiz-feedback');
        await (n < QUIZ_LENGTH ? quiz.next : quiz.finish).click();
      }
      expect([...seen].sort()).toEqual(['choice', 'matching', 'multiple', 'open', 'ordering', 'typed']);
      await expect(quiz.finalScore).toBeVisible();
      await checkScreen(page, at('quiz summary'));
      await shot(page, testInfo, 'quiz-summary');
      await quiz.library.click();

      // The learner's own pages.
      await progress.open.click();
      await expect(progress.chart).toBeVisible();
      await expect(progress.trouble.first()).toBeVisible();
      await checkScreen(page, at('progress'));
      await shot(page, testInfo, 'progress');
      await progress.back.click();

      await review.openWords.click();
      await expect(review.words).toHaveCount(2);
      await checkScreen(page, at('my words'));
      await shot(page, testInfo, 'my-words');
      await review.back.click();

      await review.openReview.click();
      await expect(review.reveal).toBeVisible();
      await checkScreen(page, at('review card'));
      await review.reveal.click();
      await expect(review.answer).toBeVisible();
      await checkScreen(page, at('review card with the meaning shown'));
      await shot(page, testInfo, 'review');
      await review.back.click();

      // The teacher area: the PIN form, then each report tab.
      await teacher.open.click();
      await expect(teacher.setHeading).toBeVisible();
      await checkScreen(page, at('teacher PIN form'));
      await submitNewPin(page);
      await expect(page.getByTestId('class-report')).toContainText('Maximilienne-Augustine');
      await checkScreen(page, at('teacher reports, class overview'));
      await shot(page, testInfo, 'teacher-class');
      // The table is wider than the window and scrolls in its own region, which the keyboard reaches and scrolls.
      const region = page.getByRole('region', { name: 'Every learner: scores, completion, reading time and look-ups' });
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      for (const [tab, testId] of [
        ['Questions', 'item-analysis'],
        ['Paragraphs', 'paragraph-difficulty'],
        ['To grade', 'open-answer'],
        ['One learner', null],
      ] as const) {
        await page.getByRole('tab', { name: tab }).click();
        if (testId) await expect(page.getByTestId(testId).first()).toBeVisible();
        else await expect(page.getByRole('tabpanel').getByRole('table').first()).toBeVisible();
        await checkScreen(page, at(`teacher reports, ${tab}`));
        await shot(page, testInfo, `teacher-${tab.toLowerCase().replace(' ', '-')}`);
        if (tab === 'Questions') {
          await page.getByRole('button', { name: 'Answers typed to question 1' }).click();
          await expect(page.getByTestId('responses')).toBeVisible();
          await checkScreen(page, at('teacher reports, answers typed to a question'));
          await shot(page, testInfo, 'teacher-responses');
        }
      }
      // One word is learning: said in the singular.
      await expect(page.getByRole('tabpanel')).toContainText('1 word learning · 0 known');
    });
  });
}
