import type { ColumnMapping } from '../../../../src-shared/domain/client-import';
import { AppError } from '../../../errors/app-error';
import type { FieldProblem, ImportedClient, ImportRules } from './check-row';
import { checkRow } from './check-row';
import type { CsvRow } from './csv-read';

/** Who already holds a phone or an email, as the database stands. */
export interface ExistingContacts {
  phones: Map<string, { clientId: string; clientName: string }>;
  emails: Map<string, { clientId: string; clientName: string }>;
}

export interface RowOutcome {
  line: number;
  problems: FieldProblem[];
  /** Set when the row is a good card that duplicates a client or an earlier row (skippable). */
  duplicate: boolean;
}

/**
 * The dry run of one file under one mapping, row by row in order: each row's checks are kept so
 * the import does not redo them; duplicates are judged as the rows come (an earlier row of the
 * file wins) against the contacts the database held when the run began.
 */
export class DryRun {
  readonly checked: (ImportedClient | FieldProblem[])[] = [];
  private readonly phones = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  rowsWithErrors = 0;
  duplicateRows = 0;

  constructor(
    readonly mappingKey: string,
    private readonly rows: readonly CsvRow[],
    private readonly mapping: ColumnMapping,
    private readonly rules: ImportRules,
    private readonly existing: ExistingContacts,
  ) {}

  get done(): boolean {
    return this.checked.length === this.rows.length;
  }

  /** Checks the next `limit` rows; what each of them has wrong. */
  next(limit: number): RowOutcome[] {
    const outcomes: RowOutcome[] = [];
    for (const row of this.rows.slice(this.checked.length, this.checked.length + limit)) {
      const result = checkRow(row, this.mapping, this.rules);
      this.checked.push(result);
      if (Array.isArray(result)) {
        this.rowsWithErrors++;
        outcomes.push({ line: row.line, problems: result, duplicate: false });
        continue;
      }
      const duplicates = this.duplicatesOf(result);
      if (duplicates.length > 0) {
        this.duplicateRows++;
        outcomes.push({ line: row.line, problems: duplicates, duplicate: true });
      }
    }
    return outcomes;
  }

  /** Takes over the row checks of a finished run of the same file and mapping (duplicates are judged again). */
  reuseChecks(previous: DryRun | null): this {
    if (previous?.done && previous.mappingKey === this.mappingKey && this.checked.length === 0) this.checked.push(...previous.checked);
    return this;
  }

  /**
   * Runs the rest; then the cards to write, with or without the duplicates (the first card of each
   * phone or email is kept). Any row with a problem refuses the whole file.
   */
  cards(skipDuplicates: boolean): { cards: ImportedClient[]; skipped: number } {
    while (!this.done) this.next(10_000);
    const phones = new Set<string>();
    const emails = new Set<string>();
    const cards: ImportedClient[] = [];
    let errors = 0;
    let duplicates = 0;
    for (const result of this.checked) {
      if (Array.isArray(result)) {
        errors++;
        continue;
      }
      const { phone, email } = result.columns;
      const duplicate =
        (phone !== null && (phones.has(phone) || this.existing.phones.has(phone))) ||
        (email !== null && (emails.has(email) || this.existing.emails.has(email)));
      if (phone !== null) phones.add(phone);
      if (email !== null) emails.add(email);
      if (duplicate) duplicates++;
      else cards.push(result);
    }
    if (errors > 0 || (duplicates > 0 && !skipDuplicates)) {
      throw new AppError('import_has_problems', 'file', { detail: String(errors + (skipDuplicates ? 0 : duplicates)) });
    }
    return { cards, skipped: duplicates };
  }

  private duplicatesOf(card: ImportedClient): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const probe = (kind: 'phone' | 'email', value: string | null, seen: Map<string, number>, existing: ExistingContacts['phones']) => {
      if (value === null) return;
      const client = existing.get(value);
      const earlier = seen.get(value);
      if (client) problems.push({ field: kind, error: new AppError('duplicate_client', kind, { detail: client.clientName }), duplicateOf: client });
      else if (earlier !== undefined) problems.push({ field: kind, error: new AppError('duplicate_row', kind, { detail: String(earlier) }), duplicateOf: { row: earlier } });
      else seen.set(value, card.line);
    };
    probe('phone', card.columns.phone, this.phones, this.existing.phones);
    probe('email', card.columns.email, this.emails, this.existing.emails);
    return problems;
  }
}
