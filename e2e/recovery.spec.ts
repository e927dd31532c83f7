import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner } from './flows';
import { libraryPage } from './pages/library';

test('a damaged database at start-up is set aside and the user is told, never silently emptied', async ({ liseuse }) => {
  await addLearner(liseuse.page, 'Amélie');
  await liseuse.stop();
  const file = join(liseuse.dataDir, 'liseuse.db');
  const bytes = readFileSync(file);
  bytes.write('definitely not sqlite', 0);
  writeFileSync(file, bytes);

  await liseuse.start();
  const alert = libraryPage(liseuse.page).alert;
  await expect(alert).toContainText('The learner database was damaged');
  await expect(alert).toContainText('The damaged file was kept at');
  await expectAccessible(liseuse.page, 'library with a start-up notice');
  expect(readdirSync(join(liseuse.dataDir, 'damaged')).length).toBeGreaterThan(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});
