import {
  checkFlowLogFormat,
  checkLogGroupName,
  formatEntry,
  formatFieldNames,
  parseFormatArgument,
} from './flow_log_formats';

test("format names: AWS's ${name} syntax and any spacing read as the bare names", () => {
  expect(formatFieldNames('  ${version} ${srcaddr}\t${dstaddr}  action ')).toEqual([
    'version',
    'srcaddr',
    'dstaddr',
    'action',
  ]);
});

test('log group names follow CloudWatch Logs: 1-512 of letters, digits, _ - / . #', () => {
  expect(checkLogGroupName('/aws/vpc/flow-logs_prod.eu#1')).toBeUndefined();
  expect(checkLogGroupName('')).toMatch(/is not a CloudWatch log group name/);
  expect(checkLogGroupName('a b')).toMatch(/is not a CloudWatch log group name/);
  expect(checkLogGroupName('x'.repeat(513))).toMatch(/is not a CloudWatch log group name/);
});

test('a format is refused with the reason: unknown or repeated names, no addresses', () => {
  expect(checkFlowLogFormat('version srcaddr dstaddr reject-reason')).toBeUndefined();
  expect(checkFlowLogFormat('   ')).toMatch(/got nothing/);
  expect(checkFlowLogFormat('srcaddr dstaddr src-port dst_port')).toBe(
    'unknown flow-log fields "src-port", "dst_port" (AWS\'s names are lowercase with hyphens, e.g. srcaddr, pkt-srcaddr, tgw-attachment-id; docs/fields.md lists them)'
  );
  expect(checkFlowLogFormat('srcaddr dstaddr bytes bytes')).toBe('field "bytes" appears twice');
  expect(checkFlowLogFormat('version bytes')).toMatch(/without srcaddr and dstaddr/);
});

test('entries: Transit Gateway fields make a tgwflow format; default v2 needs no field list', () => {
  expect(formatEntry('version resource-type tgw-id srcaddr dstaddr')).toEqual({
    source: 'tgwflow',
    fields: 'version resource-type tgw-id srcaddr dstaddr',
  });
  expect(formatEntry('${version} ${vpc-id} ${srcaddr} ${dstaddr}')).toEqual({
    source: 'vpcflow',
    fields: 'version vpc-id srcaddr dstaddr',
  });
  expect(
    formatEntry(
      'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status'
    )
  ).toEqual({ source: 'vpcflow' });
});

test('the CLI argument: <group>=<fields> sets, <group>= removes, anything else is explained', () => {
  expect(parseFormatArgument('/aws/vpc/prod=${version}  ${srcaddr} ${dstaddr}')).toEqual({
    group: '/aws/vpc/prod',
    format: 'version srcaddr dstaddr',
  });
  expect(parseFormatArgument('/aws/vpc/prod=')).toEqual({ group: '/aws/vpc/prod' });
  expect(() => parseFormatArgument('version srcaddr')).toThrow(/expects <log group>=<fields>/);
  expect(() => parseFormatArgument('g=srcaddr dstadr')).toThrow(
    '--flowlog-format g: unknown flow-log field "dstadr"'
  );
  expect(() => parseFormatArgument('a b=srcaddr dstaddr')).toThrow(/not a CloudWatch log group/);
});
