import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../src-shared/api/result';
import type { AppointmentSchedule, ExceptionKind } from '../../src-shared/domain/appointments';
import { Field, FieldGroup, RadioOptions } from '../agenda/form/Field';
import { call } from '../api/client';
import { DateField } from '../components/DateField';
import { TextField } from '../components/TextField';
import { CallForm, SubmitButton } from '../settings/CallForm';
import { RangeInputs } from './RangeInputs';
import { indexOfError } from './schedule-form';
import { endForApi, rangeAfter, type RangeDraft } from './time-ranges';

const fields = ['staffId', 'scheduleId', 'date', 'kind', 'ranges', 'note'] as const;

interface ExceptionFormProps {
  staffId: string;
  /** The professional's schedules: the exception is for all of them or one. */
  schedules: readonly AppointmentSchedule[];
  /** The date the form starts with. */
  defaultDate: string;
}

/** A day off or different hours on one date, for all of a professional's schedules or one. */
export function ExceptionForm({ staffId, schedules, defaultDate }: ExceptionFormProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState(defaultDate);
  const [kind, setKind] = useState<ExceptionKind>('day_off');
  const [ranges, setRanges] = useState<RangeDraft[]>([]);
  const [note, setNote] = useState('');
  const [scheduleId, setScheduleId] = useState('');
  /** The row of each range the API named, and that range's message. */
  const [rangeErrors, setRangeErrors] = useState<ReadonlyMap<number, string>>(new Map());

  const chooseKind = (k: ExceptionKind) => {
    setKind(k);
    if (k === 'hours' && ranges.length === 0) {
      const first = rangeAfter(undefined);
      if (first) setRanges([first]);
    }
  };

  // Only a schedule still listed (one just deleted falls back to all of them).
  const chosenSchedule = schedules.some((s) => s.id === scheduleId) ? scheduleId : '';

  const send = async (): Promise<ApiResult<unknown>> => {
    const sent = kind === 'hours' ? ranges : [];
    const r = await call('schedules.setException', {
      staffId,
      scheduleId: chosenSchedule || null,
      date,
      kind,
      ranges: sent.map((x) => ({ start: x.start, end: endForApi(x.end) })),
      note,
    });
    // Every bad range at once, each beside its row.
    const byRow = new Map<number, string>();
    for (const entry of r.ok ? [] : (r.error.fields ?? [r.error])) {
      const index = indexOfError(entry.field, 'ranges');
      const key = index === undefined ? undefined : sent[index]?.key;
      if (key !== undefined && !byRow.has(key)) byRow.set(key, entry.message || t('errors.generic'));
    }
    setRangeErrors(byRow);
    return r;
  };

  const added = () => {
    setNote('');
    setRangeErrors(new Map());
  };


  return (
    <CallForm fields={fields} send={send} onSuccess={added} stackClassName="stack exception-form" actions={<SubmitButton text={t('schedules.exceptionAdd')} />}>
      {(fieldErrors) => (
        <>
          <div className="field-row">
            <Field id="exception-date" label={t('schedules.exceptionDate')} error={fieldErrors.date}>
              {(aria) => <DateField {...aria} value={date} onChange={setDate} />}
            </Field>
            <Field id="exception-scheduleId" label={t('schedules.exceptionSchedule')} error={fieldErrors.scheduleId}>
              {(aria) => (
                <select {...aria} value={chosenSchedule} onChange={(e) => setScheduleId(e.target.value)}>
                  <option value="">{t('schedules.allSchedules')}</option>
                  {schedules.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FieldGroup id="exception-kind" legend={t('schedules.exceptionKind')} error={fieldErrors.kind}>
            <RadioOptions
              name="exception-kind"
              className="radio-row"
              value={kind}
              options={[
                { value: 'day_off', label: t('schedules.dayOff') },
                { value: 'hours', label: t('schedules.otherHours') },
              ]}
              onChange={chooseKind}
            />
          </FieldGroup>
          {kind === 'hours' && (
            <FieldGroup id="exception-ranges" legend={t('schedules.exceptionHours')} error={rangeErrors.size > 0 ? undefined : fieldErrors.ranges}>
              <RangeInputs idPrefix="exception-range" owner={t('schedules.thatDay')} ranges={ranges} onChange={setRanges} errors={rangeErrors} />
            </FieldGroup>
          )}
          <TextField id="exception-note" label={t('schedules.exceptionNote')} value={note} maxLength={200} error={fieldErrors.note} onChange={setNote} />
        </>
      )}
    </CallForm>
  );
}
