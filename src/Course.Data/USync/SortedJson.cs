using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Data.USync;

/// <summary>
/// JSON as Course writes it into uSync files: indented by two spaces, LF line ends, object keys sorted,
/// non-ASCII text left readable. One canonical form, so that exporting twice gives the same bytes.
/// </summary>
internal static class SortedJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the text ends up in CDATA, never in HTML
    };

    /// <summary>Readers accept keys in any case, as uSync's own reader does.</summary>
    public static readonly JsonNodeOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    public static string Write(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) Write(writer, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Canonical(string json) => Write(JsonNode.Parse(json, ReadOptions));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
