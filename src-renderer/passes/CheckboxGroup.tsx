import { FieldGroup } from '../agenda/form/Field';
import { toggled } from './form-values';

interface CheckboxGroupProps {
  id: string;
  legend: string;
  /** Said under the legend (what none ticked means, say). */
  hint?: string;
  options: readonly { id: string; name: string }[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  /** Shown when there is nothing to tick. */
  emptyText: string;
  error: string | undefined;
}

/** A legend and one checkbox per option (session types, services), with its error under them. */
export function CheckboxGroup({ id, legend, hint, options, chosen, onChange, emptyText, error }: CheckboxGroupProps) {
  return (
    <FieldGroup id={id} legend={legend} error={error}>
      {hint && <p className="hint">{hint}</p>}
      {options.length === 0 && <p className="hint">{emptyText}</p>}
      <div className="service-choice">
        {options.map((o) => (
          <label key={o.id} className="checkbox">
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => onChange(toggled(chosen, o.id, e.target.checked))} />
            {o.name}
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
