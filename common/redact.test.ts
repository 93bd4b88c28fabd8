import { redactText, redactUrl } from './redact';

test('URLs lose their user info and keep the rest', () => {
  expect(redactUrl('https://elastic:s3cr3t@es.example:9243/')).toBe('https://es.example:9243/');
  expect(redactUrl('http://u:p@127.0.0.1:9200')).toBe('http://127.0.0.1:9200');
  expect(redactUrl('http://127.0.0.1:9200')).toBe('http://127.0.0.1:9200');
});

test.each([
  ['connect ECONNREFUSED https://admin:hunter22@kibana:5601/api', 'hunter22'],
  ['authorization: Basic ZWxhc3RpYzpodW50ZXIy', 'ZWxhc3RpYzpodW50ZXIy'],
  [
    'Authorization: ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
    'VnVhQ2ZHY0JDZGJr',
  ],
  ['{"api_key":"abcd1234efgh"}', 'abcd1234efgh'],
  ['password=topsecret&user=x', 'topsecret'],
])('%s is printed without its secret', (text, secret) => {
  expect(redactText(text)).not.toContain(secret);
});

test('known secrets are masked wherever they appear, short values are not', () => {
  expect(redactText('the key is k3y-v4lue, again k3y-v4lue', ['k3y-v4lue'])).toBe(
    'the key is [REDACTED], again [REDACTED]'
  );
  expect(redactText('a b c', ['a'])).toBe('a b c');
});
