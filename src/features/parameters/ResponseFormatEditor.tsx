import { parseJsonSchema } from '../../domain/params-parse';
import { jsonSchemaFormatProblems } from '../../domain/params-rules';
import type { ResponseFormat } from '../../domain/types';
import { controlClass, JsonParam, SelectParam } from './controls';

type SchemaFormat = Extract<ResponseFormat, { type: 'json_schema' }>['json_schema'];

const EXAMPLE: SchemaFormat = {
  name: 'answer',
  strict: true,
  schema: {
    type: 'object',
    properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
    required: ['answer', 'confidence'],
    additionalProperties: false,
  },
};

/** text, json_object, or json_schema with name, strict and a schema editor checked for strict mode. */
export function ResponseFormatEditor({ value, onChange }: { value: ResponseFormat; onChange: (v: ResponseFormat) => void }) {
  const schema = value.type === 'json_schema' ? value.json_schema : null;
  const setSchema = (patch: Partial<SchemaFormat>) => schema && onChange({ type: 'json_schema', json_schema: { ...schema, ...patch } });
  const problems = schema ? jsonSchemaFormatProblems(schema) : [];
  return (
    <div className="space-y-1.5">
      <SelectParam
        name="response_format"
        value={value.type}
        onChange={(e) => {
          const type = e.target.value;
          onChange(
            type === 'json_schema' ? { type, json_schema: structuredClone(EXAMPLE) } : type === 'json_object' ? { type } : { type: 'text' },
          );
        }}
      >
        <option value="text">text</option>
        <option value="json_object">json_object (JSON mode)</option>
        <option value="json_schema">json_schema (Structured Outputs)</option>
      </SelectParam>
      {schema ? (
        <>
          <div className="flex items-center gap-2">
            <input
              aria-label="Schema name"
              data-testid="param-response_format-name"
              value={schema.name}
              spellCheck={false}
              onChange={(e) => setSchema({ name: e.target.value })}
              className={controlClass}
            />
            <label className="inline-flex shrink-0 items-center gap-1 text-[12px] text-muted">
              <input
                type="checkbox"
                data-testid="param-response_format-strict"
                checked={schema.strict === true}
                onChange={(e) => setSchema({ strict: e.target.checked })}
              />
              strict
            </label>
          </div>
          <JsonParam
            name="response_format schema"
            testId="param-response_format-schema"
            value={schema.schema}
            parse={parseJsonSchema}
            onChange={(s) => setSchema({ schema: s })}
            rows={7}
          />
          {problems.map((p) => (
            <div key={p} className="text-[11px] text-warn">
              {p}
            </div>
          ))}
        </>
      ) : null}
    </div>
  );
}
