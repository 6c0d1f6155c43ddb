import { expect, expectBeforeAndAfterReload, test } from './support/app';

/** Issue #23: replies checked against what their request asked (items 4), and the reading aids around them. */
test.describe('structured output checks', () => {
  const personSchema = {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'integer' } },
    required: ['name', 'age'],
    additionalProperties: false,
  };

  test('a json_schema reply is checked against that schema: each violation with its JSON path, then a valid one; kept after reload', async ({
    app,
  }) => {
    await app.open();
    await app.setParamOn('response_format', true);
    await app.param('response_format').selectOption('json_schema');
    await app.page.getByTestId('param-response_format-schema').fill(JSON.stringify(personSchema));

    const bad = await app.sendAndWait('schema-bad-7f3 [[reply:{"age":"forty","nick":"A"}]]');
    expect((await app.receivedWith('schema-bad-7f3')).body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: personSchema },
    });
    const check = bad.getByTestId('schema-check');
    await expect(check).toHaveAttribute('data-valid', 'false');
    await expect(check).toContainText('Does not match the schema “answer” · 3 problems');
    const violations = check.getByTestId('schema-violation');
    await expect(violations).toHaveText([
      '$Instance does not have required property "name".',
      '$.ageInstance type "string" is invalid. Expected "integer".',
      '$.nickNot allowed by the schema (additionalProperties is false).',
    ]);

    const good = await app.sendAndWait('schema-good-7f3 [[reply:{"name":"Ada","age":36}]]');
    await expect(good.getByTestId('schema-check')).toHaveAttribute('data-valid', 'true');
    await expect(good.getByTestId('schema-check')).toHaveText(/Matches the schema “answer”/);

    // The check belongs to the request each reply answered, not to today's settings.
    await app.setParamOn('response_format', false);
    await expectBeforeAndAfterReload(app.page, async () => {
      await expect(app.assistant(0).getByTestId('schema-check')).toHaveAttribute('data-valid', 'false');
      await expect(app.assistant(1).getByTestId('schema-check')).toHaveAttribute('data-valid', 'true');
    });
    const plain = await app.sendAndWait('schema-none-7f3 [[reply:{"age":"x"}]]');
    await expect(plain.getByTestId('schema-check')).toHaveCount(0);
  });

  test('JSON mode asks for a JSON object: prose around it fails', async ({ app }) => {
    await app.open();
    await app.setParamOn('response_format', true);
    await app.param('response_format').selectOption('json_object');
    const reply = await app.sendAndWait('Answer in JSON. jsonmode-2c1 [[reply:Sure! {"a":1}]]');
    await expect(reply.getByTestId('schema-check')).toHaveAttribute('data-valid', 'false');
    await expect(reply.getByTestId('schema-check')).toContainText('Not valid JSON');
  });

  test('tool-call arguments are checked against the tool’s parameters schema', async ({ app }) => {
    await app.open();
    await app.setParamOn('tools', true);
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_capital',
          parameters: {
            type: 'object',
            properties: { country: { type: 'string', minLength: 3 }, city: { type: 'string' } },
            required: ['country', 'city'],
          },
        },
      },
    ];
    await app.param('tools').fill(JSON.stringify(tools));
    // OpenAI's recorded call: arguments {"country":"UK"}.
    const reply = await app.sendAndWait('toolargs-91d [[replay:openai-tool-call-split-args-usage.sse]]');
    expect((await app.receivedWith('toolargs-91d')).body.tools).toEqual(tools);
    const call = reply.getByTestId('tool-call');
    await expect(call.getByTestId('tool-call-arguments')).toHaveText('{"country":"UK"}');
    const check = call.getByTestId('tool-call-check');
    await expect(check).toHaveAttribute('data-valid', 'false');
    await expect(check.getByTestId('schema-violation')).toHaveText([
      '$Instance does not have required property "city".',
      '$.countryString is too short (2 < 3).',
    ]);
  });
});
