// Types of the validator that scripts/build.mjs generates from schema.ts (ajv standalone code).
declare namespace validate {
  interface SchemaError {
    instancePath: string;
    schemaPath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
  }
}
declare const validate: {
  (data: unknown): boolean;
  errors?: validate.SchemaError[] | null;
};
export = validate;
