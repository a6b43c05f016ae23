import type { Language } from '../../../src-shared/domain/centre';
import { languages } from '../../../src-shared/domain/centre';
import type { MessageTemplate, TemplateKind } from '../../../src-shared/domain/templates';
import { defaultTemplates, templateKinds } from '../../../src-shared/domain/templates';
import type { ReadDb, WriteTx } from '../database';

/** Every kind in every language: the edited ones, the defaults for the rest. */
export async function listTemplates(db: ReadDb): Promise<MessageTemplate[]> {
  const rows = await db.selectFrom('message_templates').selectAll().execute();
  return languages.flatMap((language) =>
    templateKinds.map((kind) => {
      const row = rows.find((r) => r.kind === kind && r.language === language);
      return { kind, language, body: row?.body ?? defaultTemplates[language][kind], edited: row !== undefined, updatedAt: row?.updated_at ?? null };
    }),
  );
}

export async function loadTemplate(db: ReadDb, kind: TemplateKind, language: Language): Promise<MessageTemplate> {
  return (await listTemplates(db)).find((t) => t.kind === kind && t.language === language)!;
}

export async function saveTemplate(tx: WriteTx, kind: TemplateKind, language: Language, body: string, now: string): Promise<void> {
  await tx
    .insertInto('message_templates')
    .values({ id: `${kind}:${language}`, kind, language, body, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ body, updated_at: now }))
    .execute();
}

export async function deleteTemplate(tx: WriteTx, kind: TemplateKind, language: Language): Promise<void> {
  await tx.deleteFrom('message_templates').where('id', '=', `${kind}:${language}`).execute();
}
