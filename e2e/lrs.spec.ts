import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerFirstQuestionRight, setTeacherPin } from './flows';
import { teacherPage } from './pages/profiles';
import { LRS_PASSWORD, LRS_USER, startTestLrs, type TestLrs } from '../test/support/lrs';

let lrs: TestLrs;
test.beforeAll(async () => {
  lrs = await startTestLrs();
});
test.afterAll(async () => {
  await lrs.close();
});

test('the teacher points Liseuse at the school’s LRS: a wrong password is named, then the answers are sent and the LRS has them', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  await answerFirstQuestionRight(page);
  await setTeacherPin(page);
  const panel = page.getByRole('region', { name: 'School Learning Record Store (xAPI)' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('No LRS set: statements wait on this computer.');
  await expect(panel).toContainText('1 waiting · 0 sent');
  await expect(panel).toContainText('stored as typed in the data folder');

  await panel.getByLabel('LRS address (xAPI endpoint)').fill('lrs.school.lan');
  await panel.getByLabel('User name or key').fill(LRS_USER);
  await panel.getByLabel('Password or secret').fill('wrong');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('alert')).toContainText('An LRS address starts with http:// or https://');

  await panel.getByLabel('LRS address (xAPI endpoint)').fill(lrs.endpoint);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status').first()).toHaveText('✓ Saved.');
  await panel.getByRole('button', { name: 'Test the connection' }).click();
  await expect(panel.getByRole('status').first()).toContainText('refused the user name or password (HTTP 401)');
  await panel.getByRole('button', { name: 'Send now' }).click();
  await expect(panel).toContainText('Will try again');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/xapi-lrs-wrong-password.png', fullPage: true });
  await expectAccessible(page, 'teacher area, LRS with a wrong password');

  await panel.getByLabel('Password or secret').fill(LRS_PASSWORD);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByLabel('Password or secret')).toHaveValue('');
  await panel.getByRole('button', { name: 'Test the connection' }).click();
  await expect(panel.getByRole('status').first()).toContainText('Connected: the LRS speaks xAPI 1.0.3');
  await panel.getByRole('button', { name: 'Send now' }).click();
  await expect(panel).toContainText('0 waiting · 1 sent · 0 refused by the LRS');
  await expect(panel).not.toContainText('Will try again');
  await page.screenshot({ path: '/tmp/xapi-lrs-sent.png', fullPage: true });
  await expectAccessible(page, 'teacher area, LRS connected');

  const stored = await lrs.statements({ verb: 'http://adlnet.gov/expapi/verbs/answered' });
  expect(stored.map((s) => (s.result as { response: string }).response)).toContain('sept jours');

  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
  await page.screenshot({ path: '/tmp/xapi-lrs-320.png', fullPage: true });
});

test('the teacher reads the class report from the school’s LRS: refused by name while no LRS is set, then built from the statements sent', async ({ liseuse }) => {
  const { page } = liseuse;
  // An LRS of this test's own, so the statements it holds are this computer's only.
  const own = await startTestLrs();
  try {
    await addLearner(page, 'Amélie');
    await answerFirstQuestionRight(page);
    await setTeacherPin(page);
    const teacher = teacherPage(page);
    await expect(teacher.reportsHeading).toBeVisible();

    // The choice is two radio buttons; the keyboard moves between them.
    const thisComputer = page.getByRole('radio', { name: 'This computer' });
    const fromLrs = page.getByRole('radio', { name: 'The school’s LRS' });
    await expect(thisComputer).toBeChecked();
    await thisComputer.focus();
    await page.keyboard.press('ArrowRight');
    await expect(fromLrs).toBeChecked();
    const failed = page.getByTestId('lrs-report-error');
    await expect(failed).toContainText('The report from the school’s LRS cannot be shown.');
    await expect(failed).toContainText('Save the LRS address and credentials first.');
    // The LRS report has the class, question and paragraph views; one learner and grading are this computer's.
    await expect(page.getByRole('tab')).toHaveText(['Class overview', 'Questions', 'Paragraphs']);
    await expectAccessible(page, 'teacher reports, LRS not set');

    const panel = page.getByRole('region', { name: 'School Learning Record Store (xAPI)' });
    await panel.getByLabel('LRS address (xAPI endpoint)').fill(own.endpoint);
    await panel.getByLabel('User name or key').fill(LRS_USER);
    await panel.getByLabel('Password or secret').fill(LRS_PASSWORD);
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('status').first()).toHaveText('✓ Saved.');
    await panel.getByRole('button', { name: 'Send now' }).click();
    await expect(panel).toContainText(/0 waiting · \d+ sent · 0 refused by the LRS/);

    await page.getByRole('button', { name: 'Try again' }).click();
    const summary = page.getByTestId('lrs-report-summary');
    await expect(summary).toContainText(/From the school’s LRS: \d+ statements? read, 1 learner on 1 computer\./);
    await expect(teacher.learnerRow('Amélie')).toBeVisible();
    const rowFromLrs = await teacher.learnerRow('Amélie').locator('th, td').allInnerTexts();
    await page.getByRole('tab', { name: 'Class overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Questions' })).toBeFocused();
    await expect(page.getByTestId('item-analysis').getByRole('row')).toHaveCount(26);
    // The typed answers' review is this computer's: no button for it in the LRS report.
    await expect(page.getByTestId('item-analysis').getByRole('button')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Paragraphs' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Class overview' })).toBeFocused();
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/xapi-lrs-report.png', fullPage: true });
    await expectAccessible(page, 'teacher reports from the LRS');

    await page.setViewportSize({ width: 320, height: 800 });
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/xapi-lrs-report-320.png' });

    // Back to this computer: every tab again, and Amélie's row as the LRS gave it.
    await thisComputer.check();
    await expect(page.getByRole('tab')).toHaveText(['Class overview', 'Questions', 'Paragraphs', 'One learner', 'To grade']);
    await expect(teacher.learnerRow('Amélie').locator('th, td')).toHaveText(rowFromLrs);
  } finally {
    await own.close();
  }
});
