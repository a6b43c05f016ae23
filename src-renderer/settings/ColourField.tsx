/** A labelled colour picker. */
export function ColourField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (colour: string) => void }) {
  return (
    <div className="field field-colour">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="color" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
