// Locators of the library screen: lessons and the learner picker.
import type { Page } from '@playwright/test';

export function libraryPage(page: Page) {
  return {
    heading: page.getByRole('heading', { level: 1, name: 'Liseuse' }),
    learnersHeading: page.getByRole('heading', { name: 'Who is reading?' }),
    nameInput: page.getByLabel('Your name'),
    addLearner: page.getByRole('button', { name: 'Add learner' }),
    learner: (name: string) => page.getByRole('group', { name: 'Learners on this computer' }).getByRole('button', { name, exact: true }),
    currentLearner: page.getByTestId('current-learner'),
    lesson: (title: string) => page.getByRole('article', { name: title }),
    readLesson: (title: string) => page.getByRole('article', { name: title }).getByRole('button', { name: 'Read' }),
    alert: page.getByRole('alert'),
  };
}
