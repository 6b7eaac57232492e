// Form fields with their label and their error tied to them (for= and aria-describedby), so a
// screen reader announces both; an invalid field says so with aria-invalid.

function ErrorText(props: { id: string; error: string | undefined }) {
  return props.error === undefined ? null : (
    <p id={`${props.id}-fout`} class="field-error">
      {props.error}
    </p>
  );
}

const describedBy = (id: string, error: string | undefined): Record<string, string> =>
  error === undefined ? {} : { 'aria-invalid': 'true', 'aria-describedby': `${id}-fout` };

export function InputField(props: { id: string; name: string; label: string; type?: string; value: string; error?: string; required?: boolean; max?: string }) {
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        max={props.max}
        {...describedBy(props.id, props.error)}
      />
      <ErrorText id={props.id} error={props.error} />
    </p>
  );
}

export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string;
  error?: string;
  required?: boolean;
}) {
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} required={props.required} {...describedBy(props.id, props.error)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={props.id} error={props.error} />
    </p>
  );
}

export function RadioField(props: { id: string; name: string; legend: string; options: ReadonlyArray<{ value: string; label: string }>; value: string; error?: string }) {
  return (
    <fieldset class="field" {...describedBy(props.id, props.error)}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label class="choice">
          <input type="radio" name={props.name} value={o.value} checked={o.value === props.value} required />
          {o.label}
        </label>
      ))}
      <ErrorText id={props.id} error={props.error} />
    </fieldset>
  );
}

export function TextAreaField(props: { id: string; name: string; label: string; value: string; error?: string; hint?: string }) {
  const hintId = `${props.id}-uitleg`;
  const described = [props.hint !== undefined ? hintId : null, props.error !== undefined ? `${props.id}-fout` : null].filter((x) => x !== null).join(' ');
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint !== undefined && (
        <span id={hintId} class="hint">
          {props.hint}
        </span>
      )}
      <textarea
        id={props.id}
        name={props.name}
        rows={2}
        maxlength={500}
        aria-invalid={props.error === undefined ? undefined : 'true'}
        aria-describedby={described === '' ? undefined : described}
      >
        {props.value}
      </textarea>
      <ErrorText id={props.id} error={props.error} />
    </p>
  );
}
