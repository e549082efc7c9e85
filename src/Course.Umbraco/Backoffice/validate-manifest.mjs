// Validates umbraco-package.json against the schema that @umbraco-cms/backoffice (pinned) ships for it.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const schema = JSON.parse(readFileSync("node_modules/@umbraco-cms/backoffice/dist-cms/umbraco-package-schema.json", "utf8"));
const manifestPath = "../wwwroot/App_Plugins/Course.Umbraco/umbraco-package.json";
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
delete manifest.$schema; // the editor hint, not part of the manifest

// The shipped schema breaks draft-07 in a few places (a "type" of "{boolean}", "examples" that are not arrays).
// Those keywords are repaired (an unknown type is dropped: it allows any value there, as lenient validators read it);
// every other rule of the schema applies to the manifest in full.
const jsonTypes = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
let repaired = 0;
(function repair(node) {
  if (Array.isArray(node)) return node.forEach(repair);
  if (node === null || typeof node !== "object") return;
  // "type" as a keyword (a string or list of strings), not a property named "type".
  const types = typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type : [];
  if (types.some((t) => typeof t === "string" && !jsonTypes.has(t))) { delete node.type; repaired++; }
  if ("examples" in node && !Array.isArray(node.examples)) { node.examples = [node.examples]; repaired++; }
  Object.values(node).forEach(repair);
})(schema);

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema, "umbraco-package");
const errors = [];
const check = (ref, value, where) => {
  const validate = ajv.getSchema(ref);
  if (!validate(value)) errors.push(...validate.errors.map((e) => `${where}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`));
};

// The whole manifest against the schema. Its extension list also admits a generic ManifestBase (any type
// string), so each extension is checked again against the definitions declared for its own type.
check("umbraco-package", manifest, manifestPath);
manifest.extensions.forEach((extension, i) => {
  const own = Object.entries(schema.definitions)
    .filter(([, d]) => d.properties?.type?.const === extension.type || d.properties?.type?.enum?.includes(extension.type))
    .map(([name]) => name);
  const where = `${manifestPath}/extensions/${i} (${extension.alias})`;
  if (own.length === 0) return errors.push(`${where}: '${extension.type}' is not an extension type the backoffice knows`);
  const ownErrors = [];
  for (const name of own) {
    const validate = ajv.getSchema(`umbraco-package#/definitions/${encodeURIComponent(name).replace(/%3C/g, "<").replace(/%3E/g, ">")}`);
    if (validate(extension)) return;
    ownErrors.push(...validate.errors.map((e) => `${where} as ${name}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`));
  }
  errors.push(...ownErrors);
});

if (errors.length > 0) {
  errors.forEach((error) => console.error(error));
  process.exit(1);
}
console.log(`${manifestPath}: valid (${manifest.extensions.length} extensions; ${repaired} schema keywords repaired)`);
