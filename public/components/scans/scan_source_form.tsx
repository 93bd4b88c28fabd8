// The Scans page's filter: one source address or CIDR block, checked with the server's own rule
// before any request (the error under the field); empty means every source.
import React, { useEffect, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
} from '@elastic/eui';
import { scanSourceProblem } from './scan_params';

export interface ScanSourceFormProps {
  /** The source in the URL: the field starts from it and follows it (Back, a link). */
  source: string;
  onSubmit(source: string): void;
  loading?: boolean;
}

export function ScanSourceForm({ source, onSubmit, loading }: ScanSourceFormProps) {
  const [draft, setDraft] = useState(source);
  // A source from the URL is checked at once: a hand-edited link says what is wrong with it.
  const [problem, setProblem] = useState(() => scanSourceProblem(source));
  useEffect(() => {
    setDraft(source);
    setProblem(scanSourceProblem(source));
  }, [source]);
  const submit = (value: string) => {
    const found = scanSourceProblem(value);
    setProblem(found);
    if (!found) onSubmit(value.trim());
  };
  return (
    <EuiForm
      component="form"
      data-test-subj="scan-source-form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        submit(draft);
      }}
    >
      <EuiFlexGroup gutterSize="m" alignItems="flexEnd" wrap>
        <EuiFlexItem grow={false} style={{ minWidth: 320 }}>
          <EuiFormRow
            label="Source (optional)"
            helpText={problem ? undefined : 'An address or a CIDR block; empty for every source.'}
            isInvalid={Boolean(problem)}
            error={problem}
          >
            <EuiFieldText
              value={draft}
              placeholder="203.0.113.66"
              onChange={(e) => {
                setDraft(e.target.value);
                setProblem(undefined);
              }}
              isInvalid={Boolean(problem)}
              data-test-subj="scan-source"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFormRow hasEmptyLabelSpace>
            <EuiButton
              type="submit"
              fill
              iconType="search"
              isLoading={loading}
              data-test-subj="scan-source-submit"
            >
              Find scans
            </EuiButton>
          </EuiFormRow>
        </EuiFlexItem>
        {source && (
          <EuiFlexItem grow={false}>
            <EuiFormRow hasEmptyLabelSpace>
              <EuiButtonEmpty
                iconType="cross"
                onClick={() => onSubmit('')}
                data-test-subj="scan-source-clear"
              >
                Every source
              </EuiButtonEmpty>
            </EuiFormRow>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
    </EuiForm>
  );
}
