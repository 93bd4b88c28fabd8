// The Troubleshoot form: client, server, port and protocol (the time range is the header's).
// Values are checked with the server's own rules before any request, each error under its field.
import React, { useEffect, useState } from 'react';
import {
  EuiButton,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
  EuiSelect,
} from '@elastic/eui';
import type { TimeRangeStrings } from '../../lib/discover_links';
import type { ConnectionFormValues } from './connection_params';
import { connectionRequestOf } from './connection_params';

export interface ConnectionFormProps {
  /** The values in the URL: the form starts from them and follows them (Back, a link). */
  values: ConnectionFormValues;
  range: TimeRangeStrings;
  onSubmit(values: ConnectionFormValues): void;
  loading?: boolean;
}

const PROTOCOLS = [
  { value: '', text: 'Any' },
  { value: 'tcp', text: 'TCP' },
  { value: 'udp', text: 'UDP' },
];

type Field = 'a' | 'b' | 'port' | 'protocol';

export function ConnectionForm({ values, range, onSubmit, loading }: ConnectionFormProps) {
  const [draft, setDraft] = useState(values);
  const [problem, setProblem] = useState<{ field: string; message: string } | undefined>();
  useEffect(() => {
    setDraft(values);
    setProblem(undefined);
  }, [values.a, values.b, values.port, values.protocol]);

  const set = (field: Field) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (problem?.field === field) setProblem(undefined);
  };
  const errorOf = (field: Field) => (problem?.field === field ? [problem.message] : undefined);
  const submit = () => {
    const checked = connectionRequestOf(draft, range);
    // A missing value is the user's next step, not an error worth a red message.
    if (!checked.ok && checked.message.startsWith('expected a value'))
      setProblem({ field: checked.field, message: 'Required' });
    else if (!checked.ok) setProblem(checked);
    else onSubmit(draft);
  };

  return (
    <EuiForm
      component="form"
      data-test-subj="connection-form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        submit();
      }}
    >
      <EuiFlexGroup gutterSize="m" alignItems="flexEnd" wrap>
        <EuiFlexItem grow={2}>
          <EuiFormRow label="Client" isInvalid={Boolean(errorOf('a'))} error={errorOf('a')}>
            <EuiFieldText
              value={draft.a}
              placeholder="10.0.2.21"
              onChange={(e) => set('a')(e.target.value)}
              isInvalid={Boolean(errorOf('a'))}
              data-test-subj="connection-a"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={2}>
          <EuiFormRow label="Server" isInvalid={Boolean(errorOf('b'))} error={errorOf('b')}>
            <EuiFieldText
              value={draft.b}
              placeholder="10.0.3.7"
              onChange={(e) => set('b')(e.target.value)}
              isInvalid={Boolean(errorOf('b'))}
              data-test-subj="connection-b"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={1}>
          <EuiFormRow
            label="Server port"
            isInvalid={Boolean(errorOf('port'))}
            error={errorOf('port')}
          >
            <EuiFieldText
              value={draft.port}
              placeholder="6379"
              inputMode="numeric"
              onChange={(e) => set('port')(e.target.value)}
              isInvalid={Boolean(errorOf('port'))}
              data-test-subj="connection-port"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={1}>
          <EuiFormRow label="Protocol">
            <EuiSelect
              options={PROTOCOLS}
              value={draft.protocol}
              onChange={(e) => set('protocol')(e.target.value)}
              data-test-subj="connection-protocol"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFormRow hasEmptyLabelSpace>
            <EuiButton
              type="submit"
              fill
              iconType="wrench"
              isLoading={loading}
              data-test-subj="connection-submit"
            >
              Diagnose
            </EuiButton>
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiForm>
  );
}
