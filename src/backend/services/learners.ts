import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Learner } from '../../shared/types';
import type { AppStateRepository, LearnersRepository } from '../db/repositories/learners';

const CURRENT_LEARNER = 'current_learner';

export class LearnerService {
  constructor(
    private readonly learners: LearnersRepository,
    private readonly appState: AppStateRepository,
    private readonly now: () => Date,
  ) {}

  list(): Learner[] {
    return this.learners.list();
  }

  create(typed: string): Learner {
    const name = typed.normalize('NFC');
    if (this.learners.findByName(name)) throw AppError.because('conflict', 'learnerNameTaken', { name });
    const learner: Learner = { id: randomUUID(), name, createdAt: this.now().toISOString() };
    this.learners.insert(learner);
    return learner;
  }

  require(learnerId: string): Learner {
    const learner = this.learners.get(learnerId);
    if (!learner) throw AppError.because('not_found', 'learnerGone');
    return learner;
  }

  choose(learnerId: string): Learner {
    const learner = this.require(learnerId);
    this.appState.set(CURRENT_LEARNER, learner.id);
    return learner;
  }

  current(): Learner | null {
    const id = this.appState.get(CURRENT_LEARNER);
    return (id && this.learners.get(id)) || null;
  }

  rename(learnerId: string, typed: string): Learner {
    const learner = this.require(learnerId);
    const name = typed.normalize('NFC');
    const other = this.learners.findByName(name);
    if (other && other.id !== learner.id) throw AppError.because('conflict', 'learnerNameTaken', { name });
    this.learners.rename(learner.id, name);
    return { ...learner, name };
  }

  /** Deletes the learner and all their data; if they were the current learner, nobody is current any more. */
  remove(learnerId: string): null {
    const learner = this.require(learnerId);
    this.learners.delete(learner.id);
    if (this.appState.get(CURRENT_LEARNER) === learner.id) this.appState.delete(CURRENT_LEARNER);
    return null;
  }
}
