import { z, type ZodTypeAny } from 'zod';

/** An OpenAPI 3 schema object (the subset the gateway's zod schemas produce). */
export type OpenApiSchema = Record<string, unknown>;

/**
 * Derives the OpenAPI schema of a request from the same zod schema that
 * validates it, so the docs cannot drift from the rules. Covers the zod
 * types the gateway uses; refinements that JSON Schema cannot express
 * (e.g. "rating is required for rate") are described in the route text.
 */
export function zodToOpenApi(schema: ZodTypeAny): OpenApiSchema {
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind; description?: string };
  const described = (s: OpenApiSchema) =>
    schema.description ? { ...s, description: schema.description } : s;
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodString: {
      const out: OpenApiSchema = { type: 'string' };
      for (const check of (schema as z.ZodString)._def.checks) {
        if (check.kind === 'min') out.minLength = check.value;
        if (check.kind === 'max') out.maxLength = check.value;
        if (check.kind === 'regex') out.pattern = check.regex.source;
        if (check.kind === 'datetime') out.format = 'date-time';
      }
      return described(out);
    }
    case z.ZodFirstPartyTypeKind.ZodNumber: {
      const out: OpenApiSchema = { type: 'number' };
      for (const check of (schema as z.ZodNumber)._def.checks) {
        if (check.kind === 'int') out.type = 'integer';
        if (check.kind === 'min') out.minimum = check.value;
        if (check.kind === 'max') out.maximum = check.value;
      }
      return described(out);
    }
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return described({ type: 'boolean' });
    case z.ZodFirstPartyTypeKind.ZodEnum:
      return described({ type: 'string', enum: [...(schema as z.ZodEnum<[string, ...string[]]>).options] });
    case z.ZodFirstPartyTypeKind.ZodLiteral:
      return described({ enum: [(schema as z.ZodLiteral<unknown>).value] });
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const array = (schema as z.ZodArray<ZodTypeAny>)._def;
      return described({
        type: 'array',
        items: zodToOpenApi(array.type),
        ...(array.minLength ? { minItems: array.minLength.value } : {}),
        ...(array.maxLength ? { maxItems: array.maxLength.value } : {}),
      });
    }
    case z.ZodFirstPartyTypeKind.ZodRecord:
      return described({
        type: 'object',
        additionalProperties: zodToOpenApi((schema as z.ZodRecord)._def.valueType),
      });
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const object = schema as z.ZodObject<z.ZodRawShape>;
      const properties: Record<string, OpenApiSchema> = {};
      const required: string[] = [];
      for (const [key, value] of Object.entries(object.shape)) {
        properties[key] = zodToOpenApi(value);
        if (!value.isOptional()) required.push(key);
      }
      return described({
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        ...(object._def.unknownKeys === 'strict' ? { additionalProperties: false } : {}),
      });
    }
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable:
    case z.ZodFirstPartyTypeKind.ZodDefault:
      return described(zodToOpenApi((schema._def as { innerType: ZodTypeAny }).innerType));
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return described(zodToOpenApi((schema as z.ZodEffects<ZodTypeAny>)._def.schema));
    case z.ZodFirstPartyTypeKind.ZodPipeline:
      return described(zodToOpenApi((schema._def as { in: ZodTypeAny }).in));
    case z.ZodFirstPartyTypeKind.ZodUnion:
      return described({
        oneOf: (schema as z.ZodUnion<[ZodTypeAny, ...ZodTypeAny[]]>).options.map(zodToOpenApi),
      });
    default:
      return described({});
  }
}
