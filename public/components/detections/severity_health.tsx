// A finding's or a rule's severity as a coloured dot and word, in the colours Elastic Security
// gives alert severities (the theme's severity palette: low neutral, medium warning, high risk,
// critical danger), so the page reads like the rest of the Stack.
import React from 'react';
import { EuiHealth, useEuiTheme } from '@elastic/eui';
import type { Severity } from '../../../common/detections';

const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export function SeverityHealth({ severity }: { severity: Severity }) {
  const { euiTheme } = useEuiTheme();
  const palette = euiTheme.colors.severity;
  const colors: Record<Severity, string> = {
    critical: palette.danger,
    high: palette.risk,
    medium: palette.warning,
    low: palette.neutral,
  };
  return (
    <EuiHealth color={colors[severity]} data-test-subj="severity" data-severity={severity}>
      {SEVERITY_LABELS[severity]}
    </EuiHealth>
  );
}
