import { test, expect, expectAccessible } from './fixtures';
import { addLearner } from './flows';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';
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
  const quiz = quizPage(page);
  await quiz.take.click();
  await quiz.typed.fill('sept jours');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);
  await quiz.back.click();

  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('246813');
  await teacher.pinAgain.fill('246813');
  await teacher.setPin.click();
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
