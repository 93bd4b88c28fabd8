// Which rules run: a filter button listing the catalog, as Kibana's own filter groups do. At
// least one rule stays chosen (the route refuses an empty list, and no rule finds nothing).
import React, { useState } from 'react';
import type { EuiSelectableOption } from '@elastic/eui';
import {
  EuiFilterButton,
  EuiFilterGroup,
  EuiPopover,
  EuiPopoverFooter,
  EuiButtonEmpty,
  EuiSelectable,
} from '@elastic/eui';
import type { DetectionId } from '../../../common/detections';
import { DETECTION_CATALOG } from '../../../common/detections';

export function RuleFilter({
  selected,
  onChange,
}: {
  /** The rules chosen; undefined for all of them. */
  selected: DetectionId[] | undefined;
  onChange(rules: DetectionId[]): void;
}) {
  const [open, setOpen] = useState(false);
  const chosen = new Set(selected ?? DETECTION_CATALOG.map((rule) => rule.id));
  const options: Array<EuiSelectableOption> = DETECTION_CATALOG.map((rule) => ({
    label: rule.title,
    key: rule.id,
    checked: chosen.has(rule.id) ? 'on' : undefined,
    'data-test-subj': `rule-filter-${rule.id}`,
  }));
  return (
    <EuiFilterGroup>
      <EuiPopover
        isOpen={open}
        closePopover={() => setOpen(false)}
        panelPaddingSize="none"
        button={
          <EuiFilterButton
            iconType="chevronSingleDown"
            onClick={() => setOpen((was) => !was)}
            isSelected={open}
            hasActiveFilters={selected !== undefined}
            numFilters={DETECTION_CATALOG.length}
            numActiveFilters={chosen.size}
            data-test-subj="rule-filter"
          >
            Rules
          </EuiFilterButton>
        }
      >
        <EuiSelectable
          aria-label="Rules to run"
          options={options}
          // Six rules: no virtual list (which would also hide them from tests without layout).
          listProps={{ isVirtualized: false }}
          onChange={(next) => {
            const rules = next
              .filter((option) => option.checked === 'on')
              .map((o) => o.key as DetectionId);
            if (rules.length > 0) onChange(rules);
          }}
        >
          {(list) => <div style={{ width: 320 }}>{list}</div>}
        </EuiSelectable>
        <EuiPopoverFooter paddingSize="s">
          <EuiButtonEmpty
            size="xs"
            disabled={selected === undefined}
            onClick={() => onChange(DETECTION_CATALOG.map((rule) => rule.id))}
            data-test-subj="rule-filter-all"
          >
            All rules
          </EuiButtonEmpty>
        </EuiPopoverFooter>
      </EuiPopover>
    </EuiFilterGroup>
  );
}
