// The learner database as every repository uses it: one connection, each statement prepared once, and one way to
// make several writes a single commit.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

export class LearnerDatabase {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly connection: Db) {}

  /**
   * The connection's prepared statement for `sql`, prepared the first time it is asked for. Preparing parses and
   * plans the SQL, which costs more than running a small statement; the calls that save a learner's work run on
   * every click.
   */
  sql(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `work` as one write transaction, begun at once (IMMEDIATE): its reads and its writes see the same data,
   * and it never has to upgrade a read lock another connection could be holding. Called inside another write, it
   * joins it (a savepoint), so repositories and services can both ask for one.
   */
  write<T>(work: () => T): T {
    return this.connection.transaction(work).immediate();
  }

  get open(): boolean {
    return this.connection.open;
  }

  close(): void {
    if (this.connection.open) this.connection.close();
  }
}
