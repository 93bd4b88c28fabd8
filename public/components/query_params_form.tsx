// Inputs for a query's parameters (an IP, a port), pre-filled with the catalog's example.
import React from 'react';
import { EuiFieldText, EuiFlexGroup, EuiFlexItem, EuiFormRow } from '@elastic/eui';
import type { QueryParam } from '../../common/queries';

const HELP: Record<QueryParam['kind'], string> = {
  ip: 'IPv4 or IPv6 address, or a CIDR',
  port: 'Port number',
  text: 'Text',
};

export function QueryParamsForm({
  queryId,
  params,
  values,
  onChange,
}: {
  queryId: string;
  params: QueryParam[];
  values: Record<string, string>;
  onChange(values: Record<string, string>): void;
}) {
  return (
    <EuiFlexGroup gutterSize="s" wrap>
      {params.map((param) => {
        const id = `${queryId}-${param.name}`;
        return (
          <EuiFlexItem key={param.name} grow={false} style={{ minWidth: 200 }}>
            <EuiFormRow label={param.label} helpText={HELP[param.kind]} display="rowCompressed">
              <EuiFieldText
                id={id}
                compressed
                inputMode={param.kind === 'port' ? 'numeric' : undefined}
                value={values[param.name] ?? ''}
                placeholder={param.example}
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
