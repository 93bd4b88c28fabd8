// Writes docs/fields.md. Run after changing common/sources or the component templates.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderFieldsDoc } from './fields_doc';

const target = path.resolve(__dirname, '..', '..', 'docs', 'fields.md');
writeFileSync(target, renderFieldsDoc());
console.log(`wrote ${target}`);
