// Setup's options as a form: retention, keep event.original, and the flow-log format of each
// CloudWatch log group (such flow logs carry no header line). Filled from what the installed
// assets hold (status.settings); "Apply" runs setup with the options that changed, and setup
// leaves every option not sent as it is. Values are checked as the setup route checks them.
import React, { useEffect, useMemo, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonIcon,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiPanel,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  EuiTextArea,
  EuiTitle,
} from '@elastic/eui';
import type { SetupRequest, SetupSettings } from '../../common/api_types';
import { checkFlowLogFormat, checkLogGroupName } from '../../common/flow_log_formats';
import { checkRetention } from '../../common/retention';

interface FormatRow {
  key: number;
  group: string;
  format: string;
}

interface Form {
  retention: string;
  keepOriginal: boolean;
  formats: FormatRow[];
}

function formOf(settings: SetupSettings | undefined): Form {
  return {
    retention: settings?.retention ?? '',
    keepOriginal: settings?.keepOriginal ?? false,
    formats: Object.entries(settings?.flowLogFormats ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, format], key) => ({ key, group, format })),
  };
}

function sentence(problem: string): string {
  return problem.charAt(0).toUpperCase() + problem.slice(1);
}

/** Problems by field: `retention`, `group-<key>`, `format-<key>`. */
export function settingsProblems(form: Form): Record<string, string> {
  const problems: Record<string, string> = {};
  const retention = form.retention.trim();
  if (retention !== '') {
    const problem = checkRetention(retention);
    if (problem) problems.retention = sentence(problem);
  }
  const seen = new Set<string>();
  for (const row of form.formats) {
    const group = row.group.trim();
    const groupProblem = checkLogGroupName(group);
    if (groupProblem) problems[`group-${row.key}`] = sentence(groupProblem);
    else if (seen.has(group)) problems[`group-${row.key}`] = `"${group}" is listed twice`;
    seen.add(group);
    const formatProblem = checkFlowLogFormat(row.format);
    if (formatProblem) problems[`format-${row.key}`] = sentence(formatProblem);
  }
  return problems;
}

/** The setup request for what the form changed against `settings` ({} when nothing did). */
export function settingsRequest(form: Form, settings: SetupSettings | undefined): SetupRequest {
  const request: SetupRequest = {};
  const retention = form.retention.trim();
  if (retention !== '' && retention !== settings?.retention) request.retention = retention;
  if (form.keepOriginal !== (settings?.keepOriginal ?? false))
    request.keepOriginal = form.keepOriginal;
  const formats = Object.fromEntries(
    form.formats.map((row) => [row.group.trim(), row.format.trim().replace(/\s+/g, ' ')])
  );
  const before = settings?.flowLogFormats ?? {};
  const same =
    Object.keys(formats).length === Object.keys(before).length &&
    Object.entries(formats).every(([group, format]) => before[group] === format);
  if (!same) request.flowLogFormats = formats;
  return request;
}

export function SetupSettingsPanel({
  settings,
  disabled,
  isLoading,
  onApply,
}: {
  /** As installed; undefined before the first install (the shipped defaults apply). */
  settings?: SetupSettings;
  disabled: boolean;
  isLoading: boolean;
  onApply(request: SetupRequest): void;
}) {
  // Keyed by value: a status reload that finds the same settings leaves the edits alone.
  const settingsKey = JSON.stringify(settings ?? null);
  const initial = useMemo(() => formOf(settings), [settingsKey]);
  const [form, setForm] = useState<Form>(initial);
  const [nextKey, setNextKey] = useState(initial.formats.length);
  // A new status (after setup ran) refills the form with what is now installed.
  useEffect(() => {
    setForm(initial);
    setNextKey(initial.formats.length);
  }, [initial]);

  const problems = settingsProblems(form);
  const request = settingsRequest(form, settings);
  const changed = Object.keys(request).length > 0;
  const valid = Object.keys(problems).length === 0;
  const setRow = (key: number, change: Partial<FormatRow>) =>
    setForm({
      ...form,
      formats: form.formats.map((row) => (row.key === key ? { ...row, ...change } : row)),
    });

  return (
    <EuiPanel hasBorder data-test-subj="setup-settings">
      <EuiTitle size="xs">
        <h2>Settings</h2>
      </EuiTitle>
      <EuiText size="xs" color="subdued">
        <p>
          {settings
            ? 'As installed. Setup keeps them on every re-run and upgrade until you change them here.'
            : 'Nothing is installed yet: "Apply settings" installs with these; empty fields take the defaults.'}
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiFormRow
        label="Retention of parsed logs"
        helpText="Days or hours, at least 1 day (30d, 720h). The raw landing stream keeps its own."
        isInvalid={Boolean(problems.retention)}
        error={problems.retention}
        display="rowCompressed"
      >
        <EuiFieldText
          compressed
          placeholder="30d"
          value={form.retention}
          isInvalid={Boolean(problems.retention)}
          disabled={disabled}
          data-test-subj="setup-settings-retention"
          onChange={(event) => setForm({ ...form, retention: event.target.value })}
        />
      </EuiFormRow>
      <EuiFormRow
        display="rowCompressed"
        helpText="Off: a line's text is kept in event.original only when it failed to parse."
      >
        <EuiSwitch
          compressed
          label="Keep every line in event.original"
          checked={form.keepOriginal}
          disabled={disabled}
          data-test-subj="setup-settings-keep-original"
          onChange={(event) => setForm({ ...form, keepOriginal: event.target.checked })}
        />
      </EuiFormRow>
      <EuiSpacer size="m" />
      <EuiText size="xs">
        <h3>Flow-log formats of CloudWatch log groups</h3>
        <p>
          Flow logs delivered through CloudWatch Logs have no header line. For a log group with a
          custom format, paste its fields in order as the AWS console shows them (with or without
          $&#123;&#125;, for example: version account-id interface-id srcaddr dstaddr …). Groups not
          listed are read in the default format.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      {form.formats.map((row) => (
        <EuiFlexGroup
          key={row.key}
          gutterSize="s"
          alignItems="flexStart"
          responsive={false}
          data-test-subj="setup-settings-format-row"
        >
          <EuiFlexItem>
            <EuiFormRow
              label="Log group"
              display="rowCompressed"
              isInvalid={Boolean(problems[`group-${row.key}`])}
              error={problems[`group-${row.key}`]}
            >
              <EuiFieldText
                compressed
                value={row.group}
                placeholder="/aws/vpc/flow-logs"
                disabled={disabled}
                isInvalid={Boolean(problems[`group-${row.key}`])}
                data-test-subj="setup-settings-format-group"
                onChange={(event) => setRow(row.key, { group: event.target.value })}
              />
            </EuiFormRow>
            <EuiFormRow
              label="Fields"
              display="rowCompressed"
              isInvalid={Boolean(problems[`format-${row.key}`])}
              error={problems[`format-${row.key}`]}
            >
              <EuiTextArea
                compressed
                rows={2}
                value={row.format}
                disabled={disabled}
                isInvalid={Boolean(problems[`format-${row.key}`])}
                data-test-subj="setup-settings-format-fields"
                onChange={(event) => setRow(row.key, { format: event.target.value })}
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButtonIcon
              iconType="trash"
              color="danger"
              aria-label={`Remove the format of ${row.group || 'this log group'}`}
              disabled={disabled}
              data-test-subj="setup-settings-format-remove"
              onClick={() =>
                setForm({ ...form, formats: form.formats.filter((r) => r.key !== row.key) })
              }
            />
          </EuiFlexItem>
        </EuiFlexGroup>
      ))}
      <EuiButtonEmpty
        size="xs"
        iconType="plusCircle"
        disabled={disabled}
        data-test-subj="setup-settings-format-add"
        onClick={() => {
          setForm({ ...form, formats: [...form.formats, { key: nextKey, group: '', format: '' }] });
          setNextKey(nextKey + 1);
        }}
      >
        Add a log group
      </EuiButtonEmpty>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButton
            size="s"
            fill
            isLoading={isLoading}
            isDisabled={disabled || !changed || !valid}
            data-test-subj="setup-settings-apply"
            onClick={() => onApply(request)}
          >
            Apply settings
          </EuiButton>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty
            size="s"
            isDisabled={disabled || !changed}
            data-test-subj="setup-settings-reset"
            onClick={() => {
              setForm(initial);
              setNextKey(initial.formats.length);
            }}
          >
            Discard changes
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiPanel>
  );
}
