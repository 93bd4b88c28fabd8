// A rule's MITRE ATT&CK techniques, each linked to its page on attack.mitre.org.
import React from 'react';
import { EuiLink } from '@elastic/eui';
import type { AttackTechnique } from '../../../common/detections';
import { attackUrl } from './finding_links';

export function AttackLinks({ techniques }: { techniques: AttackTechnique[] }) {
  return (
    <>
      {techniques.map((technique, i) => (
        <React.Fragment key={technique.id}>
          {i > 0 && ', '}
          <EuiLink
            href={attackUrl(technique.id)}
            target="_blank"
            external
            data-test-subj={`attack-${technique.id}`}
          >
            {technique.id} {technique.name}
          </EuiLink>
        </React.Fragment>
      ))}
    </>
  );
}
