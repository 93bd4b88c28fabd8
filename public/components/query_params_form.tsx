// Inputs for a query's parameters (an IP, a port), pre-filled with the catalog's example. A value
// the server would refuse is flagged on its field (checked by common/queries/param_values.ts,
// as the server checks it), and the card does not ask for a count until it is fixed.
import React from 'react';
import { EuiFieldText, EuiFlexGroup, EuiFlexItem, EuiFormRow } from '@elastic/eui';
import type { QueryParam } from '../../common/queries';

const HELP: Record<QueryParam['kind'], string> = {
  ip: 'IPv4 or IPv6 address, or a CIDR',
  port: 'Port number (0-65535)',
  text: 'Free text',
};

/** "expected a whole number…" reads as a sentence under a field. */
function sentence(problem: string): string {
  return problem.charAt(0).toUpperCase() + problem.slice(1);
}

export function QueryParamsForm({
  queryId,
  params,
  values,
  errors = {},
  onChange,
}: {
  queryId: string;
  params: QueryParam[];
  values: Record<string, string>;
  /** Problems by parameter name; a field with one is shown invalid with the message. */
  errors?: Record<string, string>;
  onChange(values: Record<string, string>): void;
}) {
  return (
    <EuiFlexGroup gutterSize="s" wrap>
      {params.map((param) => {
        const id = `${queryId}-${param.name}`;
        const error = errors[param.name];
        return (
          <EuiFlexItem key={param.name} grow={false} style={{ minWidth: 200 }}>
            <EuiFormRow
              label={param.label}
              helpText={param.help ?? HELP[param.kind]}
              display="rowCompressed"
              isInvalid={Boolean(error)}
              error={error ? sentence(error) : undefined}
              data-test-subj={`query-param-row-${queryId}-${param.name}`}
            >
              <EuiFieldText
                id={id}
                compressed
                inputMode={param.kind === 'port' ? 'numeric' : undefined}
                value={values[param.name] ?? ''}
                placeholder={param.example}
                isInvalid={Boolean(error)}
                data-test-subj={`query-param-${queryId}-${param.name}`}
                onChange={(event) => onChange({ ...values, [param.name]: event.target.value })}
              />
            </EuiFormRow>
          </EuiFlexItem>
        );
      })}
    </EuiFlexGroup>
  );
}
