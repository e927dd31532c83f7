// Every user-visible string of the interface, grouped by screen, so a French interface can follow.
export const strings = {
  app: {
    name: 'Liseuse',
    tagline: 'Read French, one word at a time',
    skipToContent: 'Skip to content',
    loading: 'Opening Liseuse…',
    dismiss: 'Dismiss',
  },
  learners: {
    heading: 'Who is reading?',
    none: 'No learner yet. Add your name to start.',
    current: (name: string) => `Reading as ${name}`,
    listLabel: 'Learners on this computer',
    newLabel: 'Your name',
    create: 'Add learner',
    created: (name: string) => `Welcome, ${name}!`,
  },
  library: {
    heading: 'Lessons',
    read: 'Read',
    pickLearnerFirst: 'Choose who is reading first.',
    words: (n: number) => `${n} words`,
    paragraphs: (n: number) => `${n} paragraphs`,
    level: (level: string) => `Level ${level}`,
    problemsHeading: 'Some lessons could not be opened',
  },
} as const;
