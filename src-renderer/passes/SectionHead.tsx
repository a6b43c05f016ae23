/** A settings section's hint, and its "New …" button while no create form is open. */
export function SectionHead({ hint, buttonText, onNew }: { hint: string; buttonText: string; onNew: (() => void) | undefined }) {
  return (
    <div className="section-head">
      <p className="hint">{hint}</p>
      {onNew && (
        <button type="button" className="button button-primary button-small" onClick={onNew}>
          {buttonText}
        </button>
      )}
    </div>
  );
}
