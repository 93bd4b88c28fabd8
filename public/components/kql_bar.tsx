// The query bar: KQL typed here filters every chart and count once applied. Invalid KQL is
// never applied; its syntax error is shown under the field instead.
import React, { useEffect, useState } from 'react';
import { EuiButton, EuiFieldSearch, EuiFlexGroup, EuiFlexItem, EuiFormRow } from '@elastic/eui';

export interface KqlBarProps {
  value: string;
  onSubmit(kql: string): void;
  validate(kql: string): string | undefined;
}

export function KqlBar({ value, onSubmit, validate }: KqlBarProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setDraft(value), [value]);

  const apply = (text: string) => {
    const problem = text.trim() ? validate(text) : undefined;
    setError(problem);
    if (!problem) onSubmit(text);
  };

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
            error={error ? `Invalid KQL: ${error}` : undefined}
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
                if (error) setError(undefined);
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
