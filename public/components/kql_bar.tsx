// The query bar: KQL typed here filters every chart and count once applied. As in Kibana's
// query bar, a problem with the query shows under the field and the results on screen stay:
// invalid KQL (position and message) is never applied; a query the search refused (a value its
// field cannot hold) shows the server's sentence; a field the data lacks is a warning.
import React, { useEffect, useState } from 'react';
import {
  EuiButton,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiIcon,
  EuiText,
} from '@elastic/eui';

export interface KqlBarProps {
  value: string;
  onSubmit(kql: string): void;
  validate(kql: string): string | undefined;
  /** Why the last search refused the applied query. */
  searchError?: string;
  /** Sentences about the applied query (fields the data does not have). */
  warnings?: string[];
}

export function KqlBar({ value, onSubmit, validate, searchError, warnings = [] }: KqlBarProps) {
  const [draft, setDraft] = useState(value);
  const [syntaxError, setSyntaxError] = useState<string | undefined>();
  useEffect(() => setDraft(value), [value]);

  const apply = (text: string) => {
    const problem = text.trim() ? validate(text) : undefined;
    setSyntaxError(problem);
    if (!problem) onSubmit(text);
  };
  // Editing makes the refusal of the applied query stale; the warning too.
  const edited = draft.trim() !== value.trim();
  const error = syntaxError
    ? `Invalid KQL: ${syntaxError}`
    : !edited && searchError
      ? `The query could not run: ${searchError}`
      : undefined;
  const shownWarnings = error || edited ? [] : warnings;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <EuiFormRow
            fullWidth
            isInvalid={Boolean(error)}
            error={error}
            helpText={
              shownWarnings.length > 0 ? (
                <EuiText size="xs" color="warning" data-test-subj="kql-warnings">
                  {shownWarnings.map((warning) => (
                    <div key={warning}>
                      <EuiIcon type="warning" size="s" /> {warning}
                    </div>
                  ))}
                </EuiText>
              ) : undefined
            }
          >
            <EuiFieldSearch
              fullWidth
              isClearable
              isInvalid={Boolean(error)}
              placeholder='Filter with KQL, e.g. source.ip: "10.0.1.15" and event.action: "reject"'
              aria-label="KQL query"
              data-test-subj="kql-input"
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                if (syntaxError) setSyntaxError(undefined);
              }}
              // The clear button reports an empty search: apply it so the filter goes away.
              onSearch={(text) => {
                if (!text) apply('');
              }}
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton type="submit" data-test-subj="kql-submit">
            Apply
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </form>
  );
}
