// Locators of learner management (the library's "Manage learners" panel and its delete dialog) and the teacher area.
import type { Page } from '@playwright/test';

export function profilesPage(page: Page) {
  const dialog = page.getByRole('dialog');
  return {
    manage: page.getByRole('button', { name: 'Manage learners' }),
    manageList: page.getByRole('list', { name: 'Rename or delete learners' }),
    rename: (name: string) => page.getByRole('button', { name: `Rename ${name}`, exact: true }),
    renameInput: (name: string) => page.getByLabel(`New name for ${name}`),
    save: page.getByRole('button', { name: 'Save', exact: true }),
    delete: (name: string) => page.getByRole('list', { name: 'Rename or delete learners' }).getByRole('button', { name: `Delete ${name}`, exact: true }),
    dialog,
    dialogPin: dialog.getByLabel('Teacher PIN'),
    confirmDelete: (name: string) => dialog.getByRole('button', { name: `Delete ${name}`, exact: true }),
    cancelDelete: dialog.getByRole('button', { name: 'Cancel' }),
    dialogError: dialog.getByRole('alert'),
  };
}

export function teacherPage(page: Page) {
  return {
    open: page.getByRole('button', { name: 'Teacher area' }),
    heading: page.getByRole('heading', { level: 1, name: 'Teacher area' }),
    setHeading: page.getByRole('heading', { name: 'Set the teacher PIN' }),
    enterHeading: page.getByRole('heading', { name: 'Enter the teacher PIN' }),
    pin: page.getByLabel('PIN', { exact: true }),
    pinAgain: page.getByLabel('PIN again'),
    setPin: page.getByRole('button', { name: 'Set PIN and open' }),
    unlock: page.getByRole('button', { name: 'Open', exact: true }),
    error: page.getByRole('main').getByRole('alert'),
    /** The class overview: one row per learner on this computer. */
    learnersTable: page.getByTestId('class-report'),
    learnerRow: (name: string) => page.getByTestId('class-report').getByRole('row', { name: new RegExp(`^${name}\\b`) }),
    /** The "Words looked up" cell of a learner's row: the fifth number after the name. */
    wordsLookedUp: (name: string) => page.getByTestId('class-report').getByRole('row', { name: new RegExp(`^${name}\\b`) }).locator('td').nth(4),
    reportsHeading: page.getByRole('heading', { name: 'Reports' }),
    lock: page.getByRole('button', { name: 'Lock and leave' }),
  };
}
