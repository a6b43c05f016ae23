import type { ReactNode } from 'react';

/** The grid of a card section: a description list to read, plain boxes while editing. */
export function FieldGrid({ editing, single, children }: { editing: boolean; single?: boolean; children: ReactNode }) {
  const Grid = editing ? 'div' : 'dl';
  return <Grid className={single ? 'field-grid field-grid-single' : 'field-grid'}>{children}</Grid>;
}

/** One field of the card in view mode. */
export function ViewField({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
