using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Web.Tests.Api;

/// <summary>
/// The part of JSON Schema (OpenAPI 3.1) that ASP.NET Core's document uses: <c>$ref</c> into components, <c>type</c>
/// (one or several), <c>nullable</c>, <c>enum</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>,
/// <c>items</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>. Also makes a sample value of a schema for request bodies.
/// </summary>
public sealed class SchemaChecker(JsonElement document, IReadOnlyDictionary<string, Func<JsonNode?>>? examples = null)
{
    public IReadOnlyList<string> Check(JsonElement value, JsonElement schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors, 0);
        return errors;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) target = target.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            schema = target;
        }
        return schema;
    }

    private void Check(JsonElement value, JsonElement schema, string at, List<string> errors, int depth)
    {
        if (depth > 40) return;
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return;
        foreach (var combiner in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(combiner, out var options)
                && !options.EnumerateArray().Any(option => Check(value, option).Count == 0 || (value.ValueKind == JsonValueKind.Null && IsNullSchema(option))))
                errors.Add($"{at}: fits none of {combiner}");
        if (schema.TryGetProperty("allOf", out var all)) foreach (var part in all.EnumerateArray()) Check(value, part, at, errors, depth + 1);

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()) types.Add("null");
            if (!types.Any(t => Fits(value, t))) { errors.Add($"{at}: {Kind(value)} where the document says {string.Join(" or ", types)}"); return; }
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{at}: {value} is not one of the listed values");

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: required '{name}' is missing");
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    Check(property.Value, propertySchema, $"{at}.{property.Name}", errors, depth + 1);
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False) errors.Add($"{at}: '{property.Name}' is not in the document");
                    else Check(property.Value, additional, $"{at}.{property.Name}", errors, depth + 1);
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(item, items, $"{at}[{i++}]", errors, depth + 1);
        }
    }

    private bool IsNullSchema(JsonElement schema) =>
        Resolve(schema) is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == "null" : t.EnumerateArray().Any(x => x.GetString() == "null"));

    private static bool Fits(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    /// <summary>A value the schema accepts, with every listed property: text is "Sample text", numbers 1.</summary>
    public JsonNode Sample(JsonElement schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (depth > 6 || schema.ValueKind != JsonValueKind.Object) return JsonValue.Create("Sample text");
        if (schema.TryGetProperty("oneOf", out var one) || schema.TryGetProperty("anyOf", out one))
            return Sample(one.EnumerateArray().First(o => !IsNullSchema(o)), depth + 1);
        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
            : ["object"];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (types.First(t => t != "null"))
        {
            case "string": return JsonValue.Create(format == "uuid" ? Guid.NewGuid().ToString() : format == "date-time" ? "2026-01-01T00:00:00Z" : "Sample text");
            case "integer": return JsonValue.Create(60);
            case "number": return JsonValue.Create(1.5);
            case "boolean": return JsonValue.Create(true);
            case "array": return new JsonArray(schema.TryGetProperty("items", out var items) ? Sample(items, depth + 1) : JsonValue.Create("Sample text"));
            default:
                var sample = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject())
                        sample[property.Name] = examples?.GetValueOrDefault(property.Name) is { } example ? example() : Sample(property.Value, depth + 1);
                return sample;
        }
    }
}
